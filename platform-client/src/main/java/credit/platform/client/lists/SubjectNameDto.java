package credit.platform.client.lists;

/**
 * Names the subject of a new record by identifier (the platform resolves or registers it).
 *
 * @param kind           PERSON, LEGAL_ENTITY or GOVERNMENT_BODY
 * @param scheme         identifier scheme, e.g. RESIDENT_ID or USCC
 * @param value          identifier value
 * @param issuingCountry country of issue, may be null
 * @param name           the subject's name
 */
public record SubjectNameDto(String kind, String scheme, String value, String issuingCountry, String name) {
}
