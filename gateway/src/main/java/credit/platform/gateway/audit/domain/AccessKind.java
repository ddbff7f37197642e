package credit.platform.gateway.audit.domain;

/**
 * What a request does with personal data, decided from method and path alone (bodies are never
 * read). Whole prefixes are classified, so an endpoint added later under them is audited too.
 */
public enum AccessKind {
    /** Reads a person's data: needs an {@code X-Purpose}, one audit entry. */
    PERSON_READ,
    /** Writes a person's data: one audit entry (purpose recorded when given). */
    PERSON_WRITE,
    /** A travel check: counted per client and day; DENY subjects are logged by the sanctions service. */
    TRAVEL_CHECK,
    /** No personal data (list definitions, health, docs). */
    NONE;

    public static AccessKind of(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.startsWith("/api/v1/travel-checks")) {
            return TRAVEL_CHECK;
        }
        boolean personData = path.startsWith("/api/v1/subjects") || path.startsWith("/api/v1/records")
                || path.startsWith("/api/v1/scores") || isListRecords(path);
        if (!personData) {
            return NONE;
        }
        return read ? PERSON_READ : PERSON_WRITE;
    }

    private static boolean isListRecords(String path) {
        String[] parts = path.split("/");
        return parts.length >= 6 && parts[3].equals("lists") && parts[5].equals("records");
    }
}
