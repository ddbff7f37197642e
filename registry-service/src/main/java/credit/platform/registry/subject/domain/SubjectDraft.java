package credit.platform.registry.subject.domain;

import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.Identifiers;
import credit.platform.identifiers.InvalidIdentifierException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An unvalidated registration as it arrives (REST body, import line). {@link #validate} turns it
 * into a {@link NewSubject} or says every broken rule at once.
 */
public record SubjectDraft(String kind, List<IdentifierDraft> identifiers, String name, String latinName,
        String registrationRegion, String birthDate) {

    public SubjectDraft(String kind, List<IdentifierDraft> identifiers, String name, String latinName,
            String registrationRegion) {
        this(kind, identifiers, name, latinName, registrationRegion, null);
    }

    /** @param override a registrar's explicit check-character override (USCC only) */
    public record IdentifierDraft(String scheme, String value, String issuingCountry, boolean override) {
    }

    public NewSubject validate(LocalDate today, boolean overrideAllowed) {
        List<Violation> violations = new ArrayList<>();
        SubjectKind parsedKind = enumValue(SubjectKind.class, kind, "kind", violations);
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", "required", "the subject's name is required"));
        } else if (name.strip().length() > 200) {
            violations.add(new Violation("name", "length", "the name has more than 200 characters"));
        }
        List<Identifier> parsed = new ArrayList<>();
        if (identifiers == null || identifiers.isEmpty()) {
            violations.add(new Violation("identifiers", "required", "at least one identifier is required"));
        } else {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < identifiers.size(); i++) {
                String field = "identifiers[" + i + "]";
                Identifier identifier = identifier(identifiers.get(i), field, today, overrideAllowed, violations);
                if (identifier != null) {
                    if (!keys.add(identifier.key())) {
                        violations.add(new Violation(field + ".value", "duplicate", "this identifier is given twice"));
                    }
                    parsed.add(identifier);
                }
            }
        }
        String region = registrationRegion == null || registrationRegion.isBlank() ? "" : registrationRegion.strip();
        if (!region.isEmpty()) {
            String problem = credit.platform.identifiers.Divisions.gbt2260().problem(region, true);
            if (problem != null) {
                violations.add(new Violation("registrationRegion", "division-code",
                        region + " is not a GB/T 2260 division: " + problem));
            }
        }
        LocalDate born = null;
        if (birthDate != null && !birthDate.isBlank()) {
            try {
                born = LocalDate.parse(birthDate.strip());
            } catch (java.time.format.DateTimeParseException e) {
                violations.add(new Violation("birthDate", "date", "birthDate must be a date written yyyy-MM-dd"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        NewSubject valid = new NewSubject(parsedKind, parsed, name.strip(), latinName == null ? "" : latinName.strip(),
                region, born);
        List<Violation> birth = valid.birthDateProblems(today);
        if (!birth.isEmpty()) {
            throw new InvalidInputException(birth);
        }
        return valid;
    }

    /** One identifier, validated; null (with the violation recorded) when it is not one. */
    public static Identifier identifier(IdentifierDraft draft, String field, LocalDate today, boolean overrideAllowed,
            List<Violation> violations) {
        if (draft == null) {
            violations.add(new Violation(field, "required", field + " is required"));
            return null;
        }
        IdentifierScheme scheme = enumValue(IdentifierScheme.class, draft.scheme(), field + ".scheme", violations);
        if (scheme == null) {
            return null;
        }
        if (draft.override() && !overrideAllowed) {
            violations.add(new Violation(field + ".override", "override-not-authorised",
                    "only an authorised registrar may override a check character"));
            return null;
        }
        try {
            return draft.override()
                    ? Identifiers.parseOverridingCheckCharacter(scheme, draft.value(), draft.issuingCountry(), today)
                    : Identifiers.parse(scheme, draft.value(), draft.issuingCountry(), today);
        } catch (InvalidIdentifierException e) {
            violations.add(new Violation(field + "." + e.field(), e.rule(), e.getMessage()));
            return null;
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            violations.add(new Violation(field, "required", field + " is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "enum", field + " must be one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }
}
