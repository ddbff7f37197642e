package credit.platform.sanctions.enforcement.domain;

/**
 * A measure in force for a subject on a date, with its reason (rule code), authority, the record to
 * quote, where to contest, and — through a company — the capacity.
 */
public record AppliedMeasure(String measure, MeasureKind kind, String code, String authority, String recordRef,
        String appeal, String capacity) {
}
