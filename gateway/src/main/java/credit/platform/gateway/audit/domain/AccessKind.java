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
    /** A check whose subject travels in the body (eligibility): one audit entry, purpose recorded when given. */
    PERSON_CHECK,
    /** A travel check: its DENY answers recorded (subject fingerprints), every answer counted per client and day. */
    TRAVEL_CHECK,
    /** No personal data (list definitions, health, docs). */
    NONE;

    public static AccessKind of(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.startsWith("/api/v1/travel-checks")) {
            boolean check = method.equals("POST")
                    && (path.equals("/api/v1/travel-checks") || path.equals("/api/v1/travel-checks/batch"));
            return check ? TRAVEL_CHECK : NONE;
        }
        if (path.startsWith("/api/v1/eligibility-checks")) {
            return PERSON_CHECK;
        }
        if (path.equals("/api/v1/records/public") || path.startsWith("/api/v1/scores/models")
                || path.startsWith("/api/v1/scores/public/")) {
            return NONE; // public data (a company's grade); scoring models
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
