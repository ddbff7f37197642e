package credit.platform.sanctions.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The slow, obviously correct answer to "may this document travel by this mode, in this class, on this
 * train, at this instant?", with no index: it reads the rules straight from {@code catalogue.json} (its
 * own JSON reading, not the service's loader) and the world's state, and walks every record.
 *
 * <ul>
 *   <li>The document's holder is known by construction ({@link Case#holderKey()}): a person by resident
 *       ID, or whoever the registry binds the passport to now; an invalid document is INVALID.</li>
 *   <li>A record applies to a person when it names them, or names a company in which they hold one of
 *       the four roles whose period covers the travel day.</li>
 *   <li>It binds when its state is ACTIVE, EXTENDED or DISPUTED and the travel day is within its first and
 *       last day; a rule of its list applies when the travel day is within the rule's cap, counted from the
 *       record's first day; a measure of the rule bars the ticket when one of its bars names the mode and,
 *       where it narrows them, the train category and the class.</li>
 * </ul>
 * The answer: INVALID, ALLOW, or DENY with the set of {@code recordId/measure} reasons.
 */
final class ReferenceEvaluator {

    static final JsonNode CATALOGUE = read();
    static final Set<String> BINDING_ROLES = Set.of("LEGAL_REPRESENTATIVE", "PRINCIPAL", "DIRECTLY_RESPONSIBLE_PERSON",
            "ACTUAL_CONTROLLER");

    record Answer(String decision, Set<String> reasons) {
        static final Answer INVALID = new Answer("INVALID", Set.of());
    }

    private ReferenceEvaluator() {
    }

    static Answer decide(World w, Case c) {
        if (c.holderKey().equals("invalid") || (c.mode().name().equals("RAIL") && c.category() == null)) {
            return Answer.INVALID;
        }
        String person = null;
        if (c.holderKey().startsWith("person:")) {
            person = c.holderKey().substring("person:".length());
        } else if (c.holderKey().startsWith("passport:")) {
            person = w.passportHolder.get(c.holderKey().substring("passport:".length()));
        }
        Set<String> reasons = new TreeSet<>();
        if (person != null) {
            LocalDate day = LocalDate.ofInstant(c.travel(), World.CHINA);
            for (World.Rec r : w.records) {
                if (!applies(w, r, person, day) || !r.state().binds()) {
                    continue;
                }
                if (day.isBefore(r.from()) || (r.until() != null && day.isAfter(r.until()))) {
                    continue;
                }
                for (JsonNode rule : CATALOGUE.get("rules")) {
                    if (!triggers(rule, r)) {
                        continue;
                    }
                    JsonNode cap = rule.get("maxDuration");
                    if (cap != null && !cap.isNull() && day.isAfter(lastDay(r.from(), Period.parse(cap.asString())))) {
                        continue;
                    }
                    for (JsonNode code : rule.get("measures")) {
                        if (bars(measure(code.asString()), c)) {
                            reasons.add(r.id() + "/" + code.asString());
                        }
                    }
                }
            }
        }
        return new Answer(reasons.isEmpty() ? "ALLOW" : "DENY", reasons);
    }

    /** The record names the person, or names a company in which the person holds a binding role on the day. */
    private static boolean applies(World w, World.Rec r, String person, LocalDate day) {
        if (r.subject().equals(person)) {
            return true;
        }
        for (World.Rel rel : w.relationships) {
            if (rel.company().equals(r.subject()) && rel.person().equals(person)
                    && BINDING_ROLES.contains(rel.role().name()) && !day.isBefore(rel.from())
                    && (rel.to() == null || !day.isAfter(rel.to()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean triggers(JsonNode rule, World.Rec r) {
        JsonNode listId = rule.get("listId");
        if (listId != null && !listId.isNull()) {
            return listId.asString().equals(r.list());
        }
        JsonNode listKind = rule.get("listKind");
        return listKind != null && !listKind.isNull() && listKind.asString().equals(r.kind());
    }

    private static JsonNode measure(String code) {
        for (JsonNode m : CATALOGUE.get("measures")) {
            if (m.get("code").asString().equals(code)) {
                return m;
            }
        }
        throw new IllegalStateException("rule names an uncatalogued measure " + code);
    }

    private static boolean bars(JsonNode measure, Case c) {
        JsonNode bars = measure.get("bars");
        if (bars == null) {
            return false;
        }
        for (JsonNode bar : bars) {
            if (!bar.get("mode").asString().equals(c.mode().name())) {
                continue;
            }
            if (bar.has("trains") && !names(bar.get("trains")).contains(c.category().name())) {
                continue;
            }
            if (bar.has("seats") && !names(bar.get("seats")).contains(c.serviceClass().name())) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /**
     * The last day of a period from its first day, written out: whole days count days; years and months
     * land on the same day of the target month, whose day before is the last day — or, when the target
     * month has no such day, the target month's last day.
     */
    static LocalDate lastDay(LocalDate first, Period p) {
        if (p.getYears() == 0 && p.getMonths() == 0) {
            return first.plusDays(p.getDays() - 1L);
        }
        YearMonth target = YearMonth.from(first).plusMonths(p.toTotalMonths());
        LocalDate last = first.getDayOfMonth() <= target.lengthOfMonth()
                ? target.atDay(first.getDayOfMonth()).minusDays(1) : target.atEndOfMonth();
        return last.plusDays(p.getDays());
    }

    /** The last day of the first capped rule of the record's list, or null (for choosing interesting travel dates). */
    static LocalDate capLastDay(World.Rec r) {
        for (JsonNode rule : CATALOGUE.get("rules")) {
            JsonNode cap = rule.get("maxDuration");
            if (triggers(rule, r) && cap != null && !cap.isNull()) {
                return lastDay(r.from(), Period.parse(cap.asString()));
            }
        }
        return null;
    }

    private static JsonNode read() {
        try (InputStream in = ReferenceEvaluator.class.getClassLoader().getResourceAsStream("sanctions/catalogue.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
