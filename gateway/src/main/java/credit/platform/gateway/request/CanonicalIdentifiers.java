package credit.platform.gateway.request;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.Identifiers;

/**
 * The one canonical form of an identifier the gateway uses to name a person in the audit: the
 * identifier kernel's key ({@link Identifiers#parse} then {@code Identifier.key()}), so every
 * spelling the registry accepts for the same person (separators, full-width digits, lower-case
 * {@code x}, a legacy 15-digit resident ID) gives the same key. A value the kernel rejects cannot
 * name anyone in the registry; it is still keyed (normalised by the kernel) so that the access is
 * recorded under what was asked.
 */
public final class CanonicalIdentifiers {

    private CanonicalIdentifiers() {
    }

    /**
     * Reads the kernel's tables (the GB/T 2260 divisions, from the jar) now: called at start-up, so that
     * no request reads a file on an event-loop thread (NonBlockingFrontDoorTest).
     */
    public static void loadTables() {
        credit.platform.identifiers.Divisions.gbt2260();
        key("RESIDENT_ID", "110101199003074477", null, LocalDate.of(2026, 1, 1));
    }

    /**
     * The scheme as the platform names it ({@code resident_id}, {@code Resident-ID} → {@code RESIDENT_ID};
     * the contract's {@code IDENTIFIER_SCHEME_RESIDENT_ID} too): the kernel's {@link IdentifierScheme#of}
     * for the schemes it knows; another well-formed name is kept as written, upper-cased.
     */
    public static Optional<String> scheme(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        name = name.startsWith("IDENTIFIER_SCHEME_") ? name.substring("IDENTIFIER_SCHEME_".length()) : name;
        Optional<IdentifierScheme> known = IdentifierScheme.of(name);
        if (known.isPresent()) {
            return Optional.of(known.get().name());
        }
        return name.matches("[A-Z0-9_]{1,40}") ? Optional.of(name) : Optional.empty();
    }

    /**
     * The canonical key of ({@code scheme}, {@code value}, {@code country}) — the kernel's
     * {@code Identifiers.parse(...).key()}, as {@code Identifiers.canonicalKey} gives it; empty when
     * the scheme is not a scheme name or the value is blank.
     */
    public static Optional<SubjectRef.IdentifierKey> key(String scheme, String value, String country, LocalDate today) {
        Optional<String> name = scheme(scheme);
        if (name.isEmpty() || value == null || Identifiers.normalise(value).isEmpty()) {
            return Optional.empty();
        }
        String fallbackCountry = country == null ? "" : Identifiers.normalise(country);
        String fallback = fallbackCountry.isEmpty() ? name.get() + ":" + Identifiers.normalise(value)
                : name.get() + ":" + fallbackCountry + ":" + Identifiers.normalise(value);
        Optional<IdentifierScheme> known = IdentifierScheme.of(name.get());
        if (known.isEmpty()) {
            return Optional.of(new SubjectRef.IdentifierKey(name.get(), fallback));
        }
        try {
            return Optional.of(new SubjectRef.IdentifierKey(name.get(),
                    Identifiers.parse(known.get(), value, country, today).key()));
        } catch (RuntimeException e) { // InvalidIdentifierException: keyed as asked
            return Optional.of(new SubjectRef.IdentifierKey(name.get(), fallback));
        }
    }
}
