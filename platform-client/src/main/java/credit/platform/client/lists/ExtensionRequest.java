package credit.platform.client.lists;

/**
 * Extends a record's term within its list's maximum.
 *
 * @param extension       an ISO-8601 period, e.g. {@code P1Y}
 * @param expectedVersion the record version you read (409 if it changed since); null: no check
 */
public record ExtensionRequest(String extension, String reason, Long expectedVersion) {
}
