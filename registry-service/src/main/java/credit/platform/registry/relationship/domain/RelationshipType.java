package credit.platform.registry.relationship.domain;

/**
 * The roles one subject holds in another. A company's listing binds its legal representative,
 * principal, directly responsible persons and actual controller (docs/domain.md, "Who a company's
 * listing binds").
 */
public enum RelationshipType {
    LEGAL_REPRESENTATIVE, PRINCIPAL, SHAREHOLDER, ACTUAL_CONTROLLER, BUSINESS_PARTNER,
    /** 直接责任人员: a person directly responsible for the company's dishonest conduct; several at a time. */
    DIRECTLY_RESPONSIBLE_PERSON
}
