package credit.platform.sanctions.enforcement.domain;

/**
 * One measure of the published catalogue (REFERENCE.md §3: measures must come from the published
 * basic list; no body may invent one outside it).
 */
public record Measure(String code, MeasureKind kind, String description, String legalBasis) {
}
