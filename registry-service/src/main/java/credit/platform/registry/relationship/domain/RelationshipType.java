package credit.platform.registry.relationship.domain;

public enum RelationshipType {
    LEGAL_REPRESENTATIVE, PRINCIPAL, SHAREHOLDER, ACTUAL_CONTROLLER, BUSINESS_PARTNER
}
