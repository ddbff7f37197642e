package credit.platform.sanctions.reference;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.identifiers.IdentifierScheme;
import credit.platform.sanctions.enforcement.domain.JointSanctionRule;
import credit.platform.sanctions.enforcement.domain.Measure;
import credit.platform.sanctions.enforcement.domain.RecordState;
import credit.platform.sanctions.travel.domain.ServiceClass;
import credit.platform.sanctions.travel.domain.TrainCategory;
import credit.platform.sanctions.travel.domain.TravelMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The rule tables of {@code docs/domain.md} ("Travel rules") are printed from the catalogue through the
 * real use case: one person listed on each list that bars tickets, a check for every class of every
 * mode and, for rail, every train category. The test fails when the document differs; run it with
 * {@code -Ddomain.doc.write=true} to rewrite the section.
 */
class DomainDocTest {

    static final Path DOC = Path.of("..", "docs", "domain.md");
    static final String BEGIN = "<!-- BEGIN GENERATED travel-rules (DomainDocTest) -->";
    static final String END = "<!-- END GENERATED travel-rules -->";

    @Test
    void travelRuleTablesInDomainMdAreTheCataloguesAsTheServiceDecidesThem() throws IOException {
        String generated = generate();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("markers in docs/domain.md").isPositive();
        assertThat(end).isGreaterThan(begin);
        String current = doc.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("domain.doc.write")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + generated + doc.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("docs/domain.md's travel rules differ from the catalogue: run DomainDocTest with "
                + "-Ddomain.doc.write=true and commit the result").isEqualTo(generated);
    }

    /** The section: per list, what is barred; a DENY cell names the measures. */
    static String generate() {
        List<JointSanctionRule> travelRules = new ArrayList<>();
        for (JointSanctionRule rule : IndexUnderTest.CATALOGUE.rules()) {
            boolean bars = rule.measures().stream().anyMatch(m -> !IndexUnderTest.CATALOGUE.measure(m).bars().isEmpty());
            if (rule.listId() != null && bars) {
                travelRules.add(rule);
            }
        }
        World world = new World(0);
        IndexUnderTest index = new IndexUnderTest(world);
        LocalDate first = world.today();
        Map<String, String> person = new LinkedHashMap<>();
        for (int i = 0; i < travelRules.size(); i++) {
            String list = travelRules.get(i).listId();
            World.Person p = world.persons.get(i);
            World.Rec r = new World.Rec(world.newId(), list, "BLACK", p.id(), p.key(), "Authority", first, null,
                    RecordState.ACTIVE);
            world.replace(r);
            index.observe(Step.Effect.record(r));
            person.put(list, p.residentId());
        }
        StringBuilder s = new StringBuilder("\n");
        s.append("Catalogue version `").append(IndexUnderTest.CATALOGUE.version()).append("`.\n\n");
        s.append("| list | rule | reason code | measures that bar tickets | cap |\n|---|---|---|---|---|\n");
        for (JointSanctionRule rule : travelRules) {
            s.append("| `").append(rule.listId()).append("` | `").append(rule.id()).append("` | `")
                    .append(rule.reasonCode()).append("` | ")
                    .append(String.join(", ", rule.measures().stream()
                            .filter(m -> !IndexUnderTest.CATALOGUE.measure(m).bars().isEmpty()).map(m -> "`" + m + "`")
                            .toList()))
                    .append(" | ").append(rule.maxDuration() == null ? "the record's term"
                            : rule.maxDuration() + " from the record's first day (calendar period)").append(" |\n");
        }
        s.append("\nWhat each measure bars (catalogue `bars`); a table cell `DENY [n]` names the measures by these numbers:\n\n");
        List<String> numbered = new ArrayList<>();
        for (String code : IndexUnderTest.CATALOGUE.measureCodes()) {
            Measure m = IndexUnderTest.CATALOGUE.measure(code);
            if (m.bars().isEmpty()) {
                continue;
            }
            numbered.add(code);
            List<String> bars = new ArrayList<>();
            for (Measure.Bar bar : m.bars()) {
                String what = bar.mode();
                if (!bar.trains().isEmpty()) {
                    what += " on " + String.join("/", new TreeSet<>(bar.trains())) + " trains";
                }
                what += bar.seats().isEmpty() ? ", every class" : ", " + String.join(" ", new TreeSet<>(bar.seats()));
                bars.add(what);
            }
            s.append(numbered.size()).append(". `").append(code).append("`: ").append(String.join("; ", bars)).append("\n");
        }
        for (TravelMode mode : new TravelMode[] {TravelMode.AIR, TravelMode.SHIP}) {
            s.append("\n**").append(mode).append("** — class × list\n\n| class |");
            travelRules.forEach(r -> s.append(" `").append(r.listId()).append("` |"));
            s.append("\n|---|").append("---|".repeat(travelRules.size())).append("\n");
            for (ServiceClass c : ServiceClass.values()) {
                if (c.mode() != mode) {
                    continue;
                }
                s.append("| ").append(c.seatClass()).append(" |");
                for (JointSanctionRule r : travelRules) {
                    s.append(" ").append(cell(world, index, person.get(r.listId()), c, null, numbered)).append(" |");
                }
                s.append("\n");
            }
        }
        s.append("\n**Train numbers** — every category (`TrainCategory`), a number of it as a ticketing system may write it, "
                + "as the service reads it (`TrainNumber`), and the rail classes barred on it to a person on each list "
                + "(every class = the train itself is restricted):\n\n| prefix | kind | written | read as |");
        travelRules.forEach(r -> s.append(" `").append(r.listId()).append("` |"));
        s.append("\n|---|---|---|---|").append("---|".repeat(travelRules.size())).append("\n");
        for (TrainCategory t : TrainCategory.values()) {
            String written = Case.spellTrain(t, Step.Spelling.FULL_WIDTH).toLowerCase(java.util.Locale.ROOT);
            s.append("| ").append(t == TrainCategory.ORDINARY ? "none (digits only)" : t.prefix()).append(" | ")
                    .append(t.words()).append(" | `").append(written).append("` | `")
                    .append(credit.platform.sanctions.travel.domain.TrainNumber.parse(written).value()).append("` |");
            for (JointSanctionRule r : travelRules) {
                List<String> barred = new ArrayList<>();
                int railClasses = 0;
                for (ServiceClass c : ServiceClass.values()) {
                    if (c.mode() == TravelMode.RAIL) {
                        railClasses++;
                        if (!cell(world, index, person.get(r.listId()), c, t, numbered).equals("—")) {
                            barred.add(c.seatClass());
                        }
                    }
                }
                s.append(" ").append(barred.isEmpty() ? "—" : barred.size() == railClasses ? "every class"
                        : String.join(", ", barred)).append(" |");
            }
            s.append("\n");
        }
        for (JointSanctionRule r : travelRules) {
            s.append("\n**RAIL, `").append(r.listId()).append("`** — class × train category\n\n| class |");
            for (TrainCategory t : TrainCategory.values()) {
                s.append(" ").append(t == TrainCategory.ORDINARY ? "digits only" : t.prefix()).append(" |");
            }
            s.append("\n|---|").append("---|".repeat(TrainCategory.values().length)).append("\n");
            for (ServiceClass c : ServiceClass.values()) {
                if (c.mode() != TravelMode.RAIL) {
                    continue;
                }
                s.append("| ").append(c.seatClass()).append(" |");
                for (TrainCategory t : TrainCategory.values()) {
                    s.append(" ").append(cell(world, index, person.get(r.listId()), c, t, numbered)).append(" |");
                }
                s.append("\n");
            }
        }
        return s.append("\n").toString();
    }

    /** "DENY [n, …]" or "—", as the use case decides for a person on the list, the day after listing. */
    private static String cell(World world, IndexUnderTest index, String residentId, ServiceClass c, TrainCategory t,
            List<String> numbered) {
        Case check = new Case(IdentifierScheme.RESIDENT_ID, residentId, null, "", c.mode(), c,
                t == null ? null : Case.spellTrain(t, Step.Spelling.CANONICAL), t,
                World.startOf(world.today().plusDays(1)).plusSeconds(8 * 3600));
        ReferenceEvaluator.Answer answer = index.decide(List.of(check)).getFirst();
        if (!answer.decision().equals("DENY")) {
            return "—";
        }
        Set<Integer> measures = new TreeSet<>();
        answer.reasons().forEach(reason -> measures.add(numbered.indexOf(reason.substring(reason.indexOf('/') + 1)) + 1));
        return "DENY " + measures.toString().replace(" ", "");
    }
}
