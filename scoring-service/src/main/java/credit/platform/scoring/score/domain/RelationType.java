package credit.platform.scoring.score.domain;

/** The roles the registry records between subjects (registry contract). */
public enum RelationType {
    LEGAL_REPRESENTATIVE, PRINCIPAL, SHAREHOLDER, ACTUAL_CONTROLLER, BUSINESS_PARTNER
}
