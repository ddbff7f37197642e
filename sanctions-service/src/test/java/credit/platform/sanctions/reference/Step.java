package credit.platform.sanctions.reference;

import credit.platform.sanctions.enforcement.domain.RecordState;
import credit.platform.sanctions.enforcement.domain.Role;
import credit.platform.sanctions.travel.domain.TrainCategory;
import java.time.LocalDate;
import java.util.List;

/**
 * One step of a generated history: time passing, a registry change, a lists change, or a check. A step
 * that does not make sense in the world as it is (unbinding a passport the person does not hold,
 * ending a role that does not exist) changes nothing — so any sequence is a valid history and jqwik
 * can shrink freely.
 */
sealed interface Step {

    /** What a step changed, for the index: registry subjects to announce, or a record to feed. */
    record Effect(List<String> registrySubjects, World.Rec record) {
        static final Effect NONE = new Effect(List.of(), null);

        static Effect registry(String... subjects) {
            return new Effect(List.of(subjects), null);
        }

        static Effect record(World.Rec r) {
            return new Effect(List.of(), r);
        }
    }

    default Effect apply(World w) {
        return Effect.NONE;
    }

    /** Time passes (minutes). */
    record Advance(long minutes) implements Step {
        @Override
        public Effect apply(World w) {
            w.now = w.now.plusSeconds(60 * minutes);
            return Effect.NONE;
        }
    }

    /** The registry binds a passport to a person (when nobody holds it). */
    record Bind(int person, int passport) implements Step {
        @Override
        public Effect apply(World w) {
            String p = w.passports.get(passport % w.passports.size());
            String holder = w.persons.get(person % w.persons.size()).id();
            if (w.passportHolder.containsKey(p)) {
                return Effect.NONE;
            }
            w.passportHolder.put(p, holder);
            return Effect.registry(holder);
        }
    }

    /** The registry unbinds a passport from whoever holds it. */
    record Unbind(int passport) implements Step {
        @Override
        public Effect apply(World w) {
            String holder = w.passportHolder.remove(w.passports.get(passport % w.passports.size()));
            return holder == null ? Effect.NONE : Effect.registry(holder);
        }
    }

    /** The registry records a role with its period (first day relative to today; duration in days, null: open). */
    record AddRole(int company, int person, Role role, int fromOffsetDays, Integer durationDays) implements Step {
        @Override
        public Effect apply(World w) {
            LocalDate from = w.today().plusDays(fromOffsetDays);
            World.Rel rel = new World.Rel(w.newId(), w.companies.get(company % w.companies.size()).id(),
                    w.persons.get(person % w.persons.size()).id(), role, from,
                    durationDays == null ? null : from.plusDays(durationDays));
            w.relationships.add(rel);
            return Effect.registry(rel.person(), rel.company());
        }
    }

    /** The registry ends an open role on a day (relative to today; not before its first day). */
    record EndRole(int index, int lastDayOffsetDays) implements Step {
        @Override
        public Effect apply(World w) {
            List<World.Rel> open = w.relationships.stream().filter(r -> r.to() == null).toList();
            if (open.isEmpty()) {
                return Effect.NONE;
            }
            World.Rel rel = open.get(index % open.size());
            LocalDate last = w.today().plusDays(lastDayOffsetDays);
            if (last.isBefore(rel.from())) {
                last = rel.from();
            }
            w.relationships.set(w.relationships.indexOf(rel),
                    new World.Rel(rel.id(), rel.company(), rel.person(), rel.role(), rel.from(), last));
            return Effect.registry(rel.person(), rel.company());
        }
    }

    /** An authority lists a subject (first day relative to today; term in days, null: open-ended). */
    record Listing(int list, int subject, int fromOffsetDays, Integer termDays) implements Step {
        @Override
        public Effect apply(World w) {
            World.ListInfo info = World.LISTS.get(list % World.LISTS.size());
            int p = w.persons.size();
            int c = w.companies.size();
            boolean person;
            int s;
            if (info.persons() && info.companies()) {
                s = subject % (p + c);
                person = s < p;
                s = person ? s : s - p;
            } else {
                person = info.persons();
                s = subject % (person ? p : c);
            }
            String subjectId = person ? w.persons.get(s).id() : w.companies.get(s).id();
            var named = person ? w.persons.get(s).key() : w.companies.get(s).key();
            LocalDate from = w.today().plusDays(fromOffsetDays);
            World.Rec r = new World.Rec(w.newId(), info.id(), info.kind(), subjectId, named, "Authority " + info.id(),
                    from, termDays == null ? null : from.plusDays(termDays), RecordState.ACTIVE);
            w.replace(r);
            return Effect.record(r);
        }
    }

    /** A record changes: extended, disputed, reinstated, removed, expired (a record no longer in force does not change). */
    record Transition(int index, Kind kind, int days) implements Step {
        enum Kind { EXTEND, DISPUTE, REINSTATE, REMOVE, EXPIRE }

        @Override
        public Effect apply(World w) {
            List<World.Rec> inForce = w.records.stream().filter(r -> r.state().binds()).toList();
            if (inForce.isEmpty()) {
                return Effect.NONE;
            }
            World.Rec r = inForce.get(index % inForce.size());
            World.Rec next = switch (kind) {
                case EXTEND -> r.until() == null || r.state() == RecordState.DISPUTED ? null
                        : r.with(r.until().plusDays(days), RecordState.EXTENDED);
                case DISPUTE -> r.state() == RecordState.DISPUTED ? null : r.with(r.until(), RecordState.DISPUTED);
                case REINSTATE -> r.state() != RecordState.DISPUTED ? null : r.with(r.until(), RecordState.ACTIVE);
                case REMOVE -> r.with(r.until(), RecordState.REMOVED);
                case EXPIRE -> r.with(r.until(), RecordState.EXPIRED);
            };
            if (next == null) {
                return Effect.NONE;
            }
            w.replace(next);
            return Effect.record(next);
        }
    }

    /** How a check writes the document. */
    enum Spelling { CANONICAL, LOWER_CASE, HYPHENS, SPACES, FULL_WIDTH, LEGACY_15, WRONG_CHECK_CHARACTER }

    /** What the travel date is: an offset from now, or a boundary of something in the world (±1 day). */
    enum Focus { NOW_PLUS, RECORD_FROM, RECORD_UNTIL, CAP_END, ROLE_FROM, ROLE_TO, LEAP_DAY }

    /**
     * A check of one document for one travel instant: every class of every mode (rail on a train of
     * the given category), decided by the index and by the reference.
     *
     * @param document    0..persons-1: a person's resident ID; then the passports; then a stranger; then a company's USCC
     * @param jitterDays  -1, 0 or +1 around a focus
     * @param minuteOfDay the time of the travel day (China)
     */
    record Check(int document, Spelling spelling, TrainCategory train, boolean badTrain, Focus focus, int focusIndex,
            int offsetDays, int jitterDays, int minuteOfDay) implements Step {
    }
}
