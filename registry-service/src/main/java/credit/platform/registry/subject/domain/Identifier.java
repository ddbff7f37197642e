package credit.platform.registry.subject.domain;

import java.util.Objects;

/**
 * A validated, normalised identifier. Built only through {@link Identifiers#parse}, so an instance
 * is always valid.
 *
 * @param scheme         the scheme
 * @param value          the normalised value
 * @param issuingCountry ISO 3166-1 alpha-3 for passports, empty otherwise
 */
public record Identifier(IdentifierScheme scheme, String value, String issuingCountry) {

    public Identifier {
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(value);
        issuingCountry = issuingCountry == null ? "" : issuingCountry;
    }

    /** The registry-wide unique key of this identifier. */
    public String key() {
        return issuingCountry.isEmpty() ? scheme + ":" + value : scheme + ":" + issuingCountry + ":" + value;
    }
}
