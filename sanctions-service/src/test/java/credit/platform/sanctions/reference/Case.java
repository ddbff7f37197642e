package credit.platform.sanctions.reference;

import credit.platform.identifiers.IdentifierScheme;
import credit.platform.sanctions.travel.domain.ServiceClass;
import credit.platform.sanctions.travel.domain.TrainCategory;
import credit.platform.sanctions.travel.domain.TravelMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One travel check as the ticketing system writes it (document and train spelled however the
 * generator chose), with what the generator knows to be true about it: whose document it is (or that
 * it is no valid travel document at all) and which train category the train number names.
 *
 * @param holderKey the document as the reference knows it: {@code person:<id>}, {@code passport:<number>},
 *                  {@code stranger}, or {@code invalid}
 * @param category  the train's category; {@code null} when not rail or when the train number is invalid
 */
record Case(IdentifierScheme scheme, String number, String country, String holderKey, TravelMode mode,
        ServiceClass serviceClass, String train, TrainCategory category, Instant travel) {

    static final int EXTRA_DOCUMENTS = 5; // three passports, a stranger, a company

    /** Every class of every mode for one document and travel instant. */
    static List<Case> expand(World w, Step.Check c) {
        int p = w.persons.size();
        int d = c.document() % (p + EXTRA_DOCUMENTS);
        IdentifierScheme scheme;
        String canonical;
        String country = null;
        String holder;
        if (d < p) {
            scheme = IdentifierScheme.RESIDENT_ID;
            canonical = w.persons.get(d).residentId();
            holder = "person:" + w.persons.get(d).id();
        } else if (d < p + 3) {
            scheme = IdentifierScheme.PASSPORT;
            canonical = w.passports.get(d - p);
            country = c.spelling() == Step.Spelling.LOWER_CASE ? "chn" : "CHN";
            holder = "passport:" + canonical;
        } else if (d == p + 3) {
            scheme = IdentifierScheme.RESIDENT_ID;
            canonical = "11010519491231002X"; // nobody in the world holds it
            holder = "stranger";
        } else {
            scheme = IdentifierScheme.USCC;
            canonical = w.companies.getFirst().uscc();
            holder = "invalid"; // a company code is no travel document
        }
        String number = spell(canonical, scheme, c.spelling());
        if (c.spelling() == Step.Spelling.WRONG_CHECK_CHARACTER && scheme == IdentifierScheme.RESIDENT_ID) {
            holder = "invalid";
        }
        Instant travel = travelInstant(w, c);
        String trainText = c.badTrain() ? "X123" : spellTrain(c.train(), c.spelling());
        List<Case> cases = new ArrayList<>();
        for (ServiceClass sc : ServiceClass.values()) {
            boolean rail = sc.mode() == TravelMode.RAIL;
            cases.add(new Case(scheme, number, country, holder, sc.mode(), sc, rail ? trainText : null,
                    rail && !c.badTrain() ? c.train() : null, travel));
        }
        return cases;
    }

    static String spell(String canonical, IdentifierScheme scheme, Step.Spelling spelling) {
        return switch (spelling) {
            case CANONICAL -> canonical;
            case LOWER_CASE -> canonical.toLowerCase(Locale.ROOT);
            case HYPHENS -> canonical.length() > 14 ? canonical.substring(0, 6) + "-" + canonical.substring(6, 14) + "-"
                    + canonical.substring(14) : canonical.substring(0, 1) + "-" + canonical.substring(1);
            case SPACES -> " " + canonical.substring(0, 3) + " " + canonical.substring(3) + " ";
            case FULL_WIDTH -> fullWidth(canonical);
            case LEGACY_15 -> scheme == IdentifierScheme.RESIDENT_ID && canonical.substring(6, 8).equals("19")
                    ? canonical.substring(0, 6) + canonical.substring(8, 17) : canonical;
            case WRONG_CHECK_CHARACTER -> {
                if (scheme != IdentifierScheme.RESIDENT_ID) {
                    yield canonical;
                }
                char last = canonical.charAt(17);
                yield canonical.substring(0, 17) + (last == '0' ? '1' : last == 'X' ? '0' : 'X');
            }
        };
    }

    static String spellTrain(TrainCategory category, Step.Spelling spelling) {
        String canonical = category.prefix() + (category == TrainCategory.ORDINARY ? "1461" : "123");
        return switch (spelling) {
            case LOWER_CASE -> canonical.toLowerCase(Locale.ROOT);
            case FULL_WIDTH -> fullWidth(canonical);
            case SPACES -> " " + canonical.charAt(0) + " " + canonical.substring(1) + " ";
            case HYPHENS -> canonical.charAt(0) + "-" + canonical.substring(1);
            default -> canonical;
        };
    }

    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch > 0x20 && ch < 0x7F ? (char) (ch + 0xFEE0) : ch);
        }
        return b.toString();
    }

    static Instant travelInstant(World w, Step.Check c) {
        LocalDate day = switch (c.focus()) {
            case NOW_PLUS -> null;
            case RECORD_FROM -> w.records.isEmpty() ? null : w.records.get(c.focusIndex() % w.records.size()).from();
            case RECORD_UNTIL -> w.records.isEmpty() ? null : w.records.get(c.focusIndex() % w.records.size()).until();
            case CAP_END -> w.records.isEmpty() ? null
                    : ReferenceEvaluator.capLastDay(w.records.get(c.focusIndex() % w.records.size()));
            case ROLE_FROM -> w.relationships.isEmpty() ? null
                    : w.relationships.get(c.focusIndex() % w.relationships.size()).from();
            case ROLE_TO -> w.relationships.isEmpty() ? null
                    : w.relationships.get(c.focusIndex() % w.relationships.size()).to();
            case LEAP_DAY -> LocalDate.of(2028, 2, 29);
        };
        if (day == null) {
            day = w.today().plusDays(c.offsetDays());
        }
        return World.startOf(day.plusDays(c.jitterDays())).plusSeconds(60L * c.minuteOfDay());
    }
}
