package credit.platform.sanctions.reference;

import credit.platform.identifiers.Identifiers;
import credit.platform.sanctions.enforcement.domain.RecordState;
import credit.platform.sanctions.enforcement.domain.Role;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The truth of one generated history: who the registry says holds which passport, which roles exist
 * with which periods, which records are on which lists in which state — as they are now. Both the
 * reference evaluator (reading it directly) and the index (fed the changes as events) see this
 * world; the index must agree with the reference on every check.
 */
final class World {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2027-06-01T00:00:00Z");

    /** The lists a history writes to, with their kind and whether they name companies or persons or both. */
    static final List<ListInfo> LISTS = List.of(
            new ListInfo("spc-dishonest-debtors", "BLACK", true, true),
            new ListInfo("rail-safety-offenders", "BLACK", true, false),
            new ListInfo("ndrc-serious-dishonesty-travel", "BLACK", true, false),
            new ListInfo("sta-grade-a-taxpayers", "RED", false, true),
            new ListInfo("samr-abnormal-operations", "IRREGULARITY", false, true));

    record ListInfo(String id, String kind, boolean persons, boolean companies) {
    }

    record Person(String id, String residentId) {
        SubjectKey key() {
            return SubjectKey.residentId(residentId);
        }
    }

    record Company(String id, String uscc) {
        SubjectKey key() {
            return SubjectKey.uscc(uscc);
        }
    }

    /** A role a person holds in a company, first day to last day (null: open). */
    record Rel(String id, String company, String person, Role role, LocalDate from, LocalDate to) {
    }

    /** A record as the lists service holds it now. */
    record Rec(String id, String list, String kind, String subject, SubjectKey named, String authority,
            LocalDate from, LocalDate until, RecordState state) {
        Rec with(LocalDate newUntil, RecordState newState) {
            return new Rec(id, list, kind, subject, named, authority, from, newUntil, newState);
        }
    }

    final List<Person> persons = new ArrayList<>();
    final List<Company> companies = new ArrayList<>();
    final List<String> passports = List.of("E10000001", "E10000002", "E10000003");
    /** Passport → the person the registry binds it to now. */
    final Map<String, String> passportHolder = new LinkedHashMap<>();
    final List<Rel> relationships = new ArrayList<>();
    final List<Rec> records = new ArrayList<>();
    Instant now;
    private int ids;

    World(long startOffsetMinutes) {
        now = START.plusSeconds(60 * startOffsetMinutes);
        // Born in the 1900s, so each has a legacy 15-digit spelling too; one under a retired division (Laiwu).
        String[] addresses = {"110105", "371202", "440305", "652101"};
        for (int i = 0; i < addresses.length; i++) {
            String first17 = addresses[i] + "19" + (60 + i) + "0" + (i + 1) + "1" + i + "12" + i;
            persons.add(new Person("p" + i, first17 + Identifiers.residentCheckCharacter(first17)));
        }
        for (int i = 0; i < 2; i++) {
            String body = "7760496" + i;
            String first17 = "91350200" + body + Identifiers.organisationCodeCheck(body);
            companies.add(new Company("c" + i, first17 + Identifiers.usccCheckCharacter(first17)));
        }
    }

    LocalDate today() {
        return LocalDate.ofInstant(now, CHINA);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(CHINA).toInstant();
    }

    String newId() {
        return new UUID(0x5EED_0000_0000_4000L, 0x8000_0000_0000_0000L | ++ids).toString();
    }

    Person person(String id) {
        return persons.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    Company company(String id) {
        return companies.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** Every identifier the registry binds to the subject now: a person's resident ID and passports, a company's USCC. */
    List<SubjectKey> identifiersOf(String subjectId) {
        Person p = person(subjectId);
        if (p != null) {
            List<SubjectKey> keys = new ArrayList<>(List.of(p.key()));
            passportHolder.forEach((passport, holder) -> {
                if (holder.equals(subjectId)) {
                    keys.add(SubjectKey.passport("CHN", passport));
                }
            });
            return keys;
        }
        Company c = company(subjectId);
        return c == null ? List.of() : List.of(c.key());
    }

    Rec record(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    void replace(Rec r) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).id().equals(r.id())) {
                records.set(i, r);
                return;
            }
        }
        records.add(r);
    }
}
