package credit.platform.identifiers;

import java.util.Objects;

/**
 * A validated, normalised identifier. Built through {@link Identifiers#parse} (always valid) or
 * {@link Identifiers#parseOverridingCheckCharacter} (valid except for a USCC check character a
 * registrar explicitly accepted; {@link #checkCharacterOverridden()} is then true).
 *
 * @param scheme                    the scheme
 * @param value                     the normalised value
 * @param issuingCountry            ISO 3166-1 alpha-3 for passports, empty otherwise
 * @param checkCharacterOverridden  true when recorded on a registrar's override of the check character
 */
public record Identifier(IdentifierScheme scheme, String value, String issuingCountry, boolean checkCharacterOverridden) {

    public Identifier {
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(value);
        issuingCountry = issuingCountry == null ? "" : issuingCountry;
    }

    public Identifier(IdentifierScheme scheme, String value, String issuingCountry) {
        this(scheme, value, issuingCountry, false);
    }

    /**
     * The canonical key of this identifier, unique platform-wide: {@code SCHEME:VALUE}, or
     * {@code PASSPORT:COUNTRY:VALUE} for passports (e.g. {@code RESIDENT_ID:11010519491231002X},
     * {@code PASSPORT:CHN:E12345678}). Equal keys ⇔ the same identifier.
     */
    public String key() {
        return issuingCountry.isEmpty() ? scheme + ":" + value : scheme + ":" + issuingCountry + ":" + value;
    }
}
