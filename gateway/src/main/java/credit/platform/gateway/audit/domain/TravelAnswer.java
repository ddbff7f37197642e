package credit.platform.gateway.audit.domain;

/**
 * One answer of a travel check as the audit sees it: the passenger's document (scheme such as
 * {@code RESIDENT_ID}, and value; either may be blank when the request could not be read) and
 * whether the answer was DENY. Only DENY answers are recorded with their subject, as a
 * fingerprint; ALLOW answers are only counted.
 */
public record TravelAnswer(String scheme, String value, boolean deny) {

    /** Whether the document is known well enough to be fingerprinted. */
    public boolean hasDocument() {
        return scheme != null && !scheme.isBlank() && value != null && !value.isBlank();
    }
}
