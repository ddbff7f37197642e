package credit.platform.client.registry;

/**
 * Binds another identifier (e.g. a passport) to a subject.
 *
 * @param expectedVersion the subject's version as read; a stale one gives a {@code ConflictException}
 */
public record AddIdentifierRequest(String scheme, String value, String issuingCountry, long expectedVersion) {
}
