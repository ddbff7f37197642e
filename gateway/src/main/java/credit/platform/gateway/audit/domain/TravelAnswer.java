package credit.platform.gateway.audit.domain;

/**
 * One answer of a travel check as the audit sees it: the passenger's document (scheme such as
 * {@code RESIDENT_ID}, value and, for passports, issuing country; any may be blank when the request
 * could not be read) and whether the answer was DENY. Only DENY answers are recorded with their
 * subject, as a fingerprint; ALLOW answers are only counted.
 */
public record TravelAnswer(String scheme, String value, String country, boolean deny) {

    public TravelAnswer(String scheme, String value, boolean deny) {
        this(scheme, value, "", deny);
    }

    /** Whether the document is known well enough to be fingerprinted. */
    public boolean hasDocument() {
        return scheme != null && !scheme.isBlank() && value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "TravelAnswer[" + scheme + ", (withheld), " + (deny ? "DENY" : "ALLOW") + "]";
    }
}
