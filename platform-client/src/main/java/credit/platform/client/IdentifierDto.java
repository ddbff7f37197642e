package credit.platform.client;

/**
 * An identifier of a subject.
 *
 * @param scheme         RESIDENT_ID, USCC, PASSPORT or FOREIGN_PERMANENT_RESIDENT_ID
 * @param value          the number as issued
 * @param issuingCountry ISO 3166 alpha-3 country of issue (passports), may be null
 */
public record IdentifierDto(String scheme, String value, String issuingCountry) {
}
