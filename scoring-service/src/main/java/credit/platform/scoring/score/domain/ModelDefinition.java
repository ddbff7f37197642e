package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scoring model as data: the definition it was read from (a YAML seed or a JSON body, same
 * shape), the model, and whether it is the default for its subject kind. {@link #parse} checks the
 * shape and names the offending field.
 *
 * <pre>
 * id, version, subjectKind, jurisdiction, effectiveFrom (ISO instant or date, Asia/Shanghai),
 * defaultForKind, basePoints,
 * rules: [{id, list | listKind, ground, pointsPerRecord, cap, description,
 *          decay: {fullDays, fadeDays}, via: {type, direction}}
 *         | {id, permit: {kind, condition: EXPIRED | MISSING}, pointsPerPermit, cap, description,
 *          decay (EXPIRED only)}],
 * bands: [{grade, minPoints (absent for the lowest)}]
 * </pre>
 */
public record ModelDefinition(Map<String, Object> source, ScoringModel model, boolean defaultForKind) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public ModelDefinition {
        source = Collections.unmodifiableMap(source);
    }

    public String key() {
        return model.id() + "@" + model.version();
    }

    @SuppressWarnings("unchecked")
    public static ModelDefinition parse(Map<String, Object> doc) {
        if (doc == null) {
            throw new InvalidModelException("", "the model definition is empty");
        }
        List<Rule> rules = new ArrayList<>();
        List<PermitRule> permitRules = new ArrayList<>();
        int i = 0;
        for (Object o : list(doc, "rules")) {
            String at = "rules[" + i++ + "]";
            if (!(o instanceof Map<?, ?>)) {
                throw new InvalidModelException(at, "a rule is an object");
            }
            Map<String, Object> r = (Map<String, Object>) o;
            if (r.containsKey("permit")) {
                permitRules.add(permitRule(r, at));
                continue;
            }
            String kind = string(r, "listKind", at, false);
            Object cap = r.get("cap");
            try {
                Rule rule = new Rule(string(r, "id", at, true), string(r, "list", at, false),
                        kind == null ? null : enumOf(ListKind.class, kind, at + ".listKind"),
                        number(r, "pointsPerRecord", at).longValue(),
                        cap == null ? null : number(r, "cap", at).longValue(),
                        string(r, "description", at, false), string(r, "ground", at, false), null, null);
                if (r.get("decay") instanceof Map<?, ?> d) {
                    Map<String, Object> decay = (Map<String, Object>) d;
                    rule = rule.decaying(Decay.ofDays(number(decay, "fullDays", at + ".decay").longValue(),
                            number(decay, "fadeDays", at + ".decay").longValue()));
                } else if (r.get("decay") != null) {
                    throw new InvalidModelException(at + ".decay", "decay is {fullDays, fadeDays}");
                }
                if (r.get("via") instanceof Map<?, ?> v) {
                    Map<String, Object> via = (Map<String, Object>) v;
                    rule = rule.through(new Via(
                            enumOf(RelationType.class, string(via, "type", at + ".via", true), at + ".via.type"),
                            enumOf(Via.Direction.class, string(via, "direction", at + ".via", true),
                                    at + ".via.direction")));
                } else if (r.get("via") != null) {
                    throw new InvalidModelException(at + ".via", "via is {type, direction}");
                }
                rules.add(rule);
            } catch (IllegalArgumentException e) {
                throw new InvalidModelException(at, e.getMessage());
            }
        }
        List<GradeBand> bands = new ArrayList<>();
        i = 0;
        for (Object o : list(doc, "bands")) {
            String at = "bands[" + i++ + "]";
            if (!(o instanceof Map<?, ?>)) {
                throw new InvalidModelException(at, "a band is an object");
            }
            Map<String, Object> b = (Map<String, Object>) o;
            Object min = b.get("minPoints");
            bands.add(new GradeBand(string(b, "grade", at, true),
                    min == null ? Long.MIN_VALUE : number(b, "minPoints", at).longValue()));
        }
        try {
            ScoringModel model = new ScoringModel(
                    string(doc, "id", "", true),
                    number(doc, "version", "").intValue(),
                    enumOf(SubjectKind.class, string(doc, "subjectKind", "", true), "subjectKind"),
                    string(doc, "jurisdiction", "", false),
                    instant(doc.get("effectiveFrom")),
                    number(doc, "basePoints", "").longValue(),
                    rules, bands, permitRules);
            return new ModelDefinition(doc, model, Boolean.TRUE.equals(doc.get("defaultForKind")));
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException("", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static PermitRule permitRule(Map<String, Object> r, String at) {
        if (!(r.get("permit") instanceof Map<?, ?> p)) {
            throw new InvalidModelException(at + ".permit", "permit is {kind, condition}");
        }
        if (r.containsKey("list") || r.containsKey("listKind") || r.containsKey("via")) {
            throw new InvalidModelException(at + ".permit", "a permit rule names no list, list kind or via");
        }
        Map<String, Object> permit = (Map<String, Object>) p;
        Object cap = r.get("cap");
        Decay decay = null;
        if (r.get("decay") instanceof Map<?, ?> d) {
            Map<String, Object> dm = (Map<String, Object>) d;
            decay = Decay.ofDays(number(dm, "fullDays", at + ".decay").longValue(),
                    number(dm, "fadeDays", at + ".decay").longValue());
        } else if (r.get("decay") != null) {
            throw new InvalidModelException(at + ".decay", "decay is {fullDays, fadeDays}");
        }
        try {
            return new PermitRule(string(r, "id", at, true), string(permit, "kind", at + ".permit", true),
                    enumOf(PermitRule.Condition.class, string(permit, "condition", at + ".permit", true),
                            at + ".permit.condition"),
                    number(r, "pointsPerPermit", at).longValue(),
                    cap == null ? null : number(r, "cap", at).longValue(), decay,
                    string(r, "description", at, false));
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(at, e.getMessage());
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        String s = value.toString();
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(CHINA).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidModelException("effectiveFrom", "an ISO instant or date, e.g. 2026-07-01");
        }
    }

    private static List<?> list(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof List<?> l) || l.isEmpty()) {
            throw new InvalidModelException(key, "'" + key + "' is required: a non-empty list");
        }
        return l;
    }

    private static String string(Map<String, Object> map, String key, String at, boolean required) {
        Object v = map.get(key);
        if (v == null) {
            if (required) {
                throw new InvalidModelException(path(at, key), "'" + key + "' is required");
            }
            return null;
        }
        return v.toString();
    }

    private static Number number(Map<String, Object> map, String key, String at) {
        Object v = map.get(key);
        if (!(v instanceof Number n)) {
            throw new InvalidModelException(path(at, key), "'" + key + "' is required: a number");
        }
        return n;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException(field, "'" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String path(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }
}
