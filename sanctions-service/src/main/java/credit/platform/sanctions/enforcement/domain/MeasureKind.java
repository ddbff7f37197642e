package credit.platform.sanctions.enforcement.domain;

/** A measure punishes (sanction) or rewards. */
public enum MeasureKind {
    SANCTION, REWARD
}
