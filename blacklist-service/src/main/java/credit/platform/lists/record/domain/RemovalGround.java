package credit.platform.lists.record.domain;

/**
 * Why a record was taken off its list before its end (docs/domain.md: SPC deletion grounds, credit repair,
 * §5 cure).
 */
public enum RemovalGround {
    /** The obligation was performed. */
    PERFORMED,
    /** A settlement was reached and performed. */
    SETTLEMENT_PERFORMED,
    /** The creditor agrees to the removal. */
    CREDITOR_CONSENT,
    /** No assets were found when the enforcement round ended. */
    NO_ASSETS_FOUND,
    /** Enforcement suspended, ruled out or terminated. */
    ENFORCEMENT_ENDED,
    /** The listing was wrong (wrongful listing revoked, data error). */
    ERROR,
    /** An objection against the record was upheld. */
    OBJECTION_UPHELD,
    /** Credit repair was granted. */
    REPAIRED,
    /** The irregularity was cured (SAMR abnormal operations). */
    CURED,
    /** Another ground, named in the reason. */
    OTHER
}
