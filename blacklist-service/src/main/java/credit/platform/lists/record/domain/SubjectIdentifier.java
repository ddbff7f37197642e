package credit.platform.lists.record.domain;

import credit.platform.identifiers.IdentifierScheme;
import java.util.Objects;

/**
 * The identifier an authority named a subject by, as the registry normalised it.
 *
 * @param issuingCountry ISO 3166-1 alpha-3 for passports, empty otherwise
 */
public record SubjectIdentifier(IdentifierScheme scheme, String value, String issuingCountry) {

    public SubjectIdentifier {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(value, "value");
        issuingCountry = issuingCountry == null ? "" : issuingCountry;
    }

    /** The birth date the identifier carries (resident ID, residence permit, 18-digit permanent resident ID). */
    public java.util.Optional<java.time.LocalDate> birthDate() {
        return credit.platform.identifiers.Identifiers.birthDate(
                new credit.platform.identifiers.Identifier(scheme, value, issuingCountry));
    }

    /** Never log the value itself: this short hash identifies it in logs. */
    public String logHash() {
        return Integer.toHexString((scheme + ":" + issuingCountry + ":" + value).hashCode());
    }
}
