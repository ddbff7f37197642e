package credit.platform.lists.application.domain;

import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.ListDefinition;
import credit.platform.lists.definition.domain.RepairPolicy;
import credit.platform.lists.definition.domain.RuleViolationException;
import credit.platform.lists.definition.domain.TimeLimit;
import credit.platform.lists.definition.domain.CalendarYearMissingException;
import credit.platform.lists.definition.domain.WorkingCalendar;
import credit.platform.lists.record.domain.Actor;
import credit.platform.lists.record.domain.ListOwnedElsewhereException;
import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.RecordService;
import credit.platform.lists.record.domain.RecordStateException;
import credit.platform.lists.record.domain.RecordStatus;
import credit.platform.lists.record.domain.RemovalGround;
import credit.platform.lists.record.domain.SubjectIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Objections and credit-repair applications: filed by the subject or an agency, acknowledged and
 * decided by the authority that made the record within the list's deadline (docs/domain.md, "Deadlines"),
 * counted in calendar or working days by the {@link WorkingCalendar}.
 *
 * <p>No multi-document transactions: filing is (1) the application's insert, then (2) the record's
 * DISPUTED step; if (2) is refused the application is deleted again, so a refused filing leaves
 * nothing. Deciding is (1) the application's decision (one conditional replace: only one decision
 * wins), then (2) the record's step, whose event id is derived from the application, so repeating a
 * decision finishes (2) and never takes it twice.
 */
public class ApplicationService {

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

    private final ListCatalog lists;
    private final RecordService records;
    private final ApplicationRepository applications;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public ApplicationService(ListCatalog lists, RecordService records, ApplicationRepository applications,
            WorkingCalendar calendar, Clock clock) {
        this.lists = lists;
        this.records = records;
        this.applications = applications;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Files an objection or a repair application. Every rule is checked before anything is written.
     *
     * @throws RuleViolationException the objection window has closed, the list allows no repair, or the
     *                                minimum publicity period has not passed (the message says until when)
     * @throws RecordStateException   the record is no longer in force, or already disputed
     */
    public Application file(ApplicationKind kind, String listId, String recordId, String reason, Actor actor) {
        return file(kind, listId, recordId, reason, null, actor);
    }

    /**
     * As {@link #file(ApplicationKind, String, String, String, Actor)}; a DELETION request names the
     * deletion ground that arose.
     */
    public Application file(ApplicationKind kind, String listId, String recordId, String reason, RemovalGround ground,
            Actor actor) {
        ListRecord record = records.get(listId, recordId);
        ListDefinition list = lists.get(listId);
        LocalDate today = records.today();
        RecordStatus status = record.statusOn(today);
        if (!status.isInForce()) {
            throw new RecordStateException(status, "the record is " + status + "; there is nothing to object to or repair");
        }
        TimeLimit decision = switch (kind) {
            case OBJECTION -> checkObjection(list, record, today);
            case REPAIR -> checkRepair(list, record, today);
            case DELETION -> checkDeletion(list, record, ground);
        };
        Instant now = clock.instant();
        LocalDate decideBy = null;
        String pending = null;
        try {
            decideBy = decision.lastDayAfter(today, calendar);
        } catch (CalendarYearMissingException e) {
            // Accepted and flagged: never a deadline counted on weekends alone (see resolvePendingDeadlines).
            pending = e.getMessage();
            log.warn("{} on record {} filed with its deadline pending: {}", kind, record.id(), pending);
        }
        Application filed = new Application(UUID.randomUUID().toString(), kind, record.id(), list.id(),
                record.issuingAuthority(), actor.clientId(), reason, now, decideBy,
                ApplicationStatus.FILED, null, null, null, null, kind == ApplicationKind.DELETION ? ground : null, 1,
                pending);
        applications.insert(filed);
        if (kind == ApplicationKind.OBJECTION) {
            try {
                records.dispute(record.id(), stepId(filed), actor.clientId(), "objection filed: " + reason);
            } catch (RuntimeException refused) {
                applications.delete(filed.id()); // a refused filing leaves nothing
                throw refused;
            }
        }
        log.info("{} {} filed on record {}, to be decided by {}", kind, filed.id(), record.id(), filed.decideBy());
        return filed;
    }

    /**
     * The subject files for themselves (signed in: {@code holder} is the identifier in their token):
     * the record must be theirs, otherwise it is "not found" and nothing is written. Then as
     * {@link #file(ApplicationKind, String, String, String, RemovalGround, Actor)}.
     */
    public Application fileAsSubject(ApplicationKind kind, SubjectIdentifier holder, String recordId, String reason,
            RemovalGround ground, String clientId) {
        ListRecord record = records.recordOfHolder(holder, recordId);
        return file(kind, record.listId(), record.id(), reason, ground, new Actor(clientId, null, false));
    }

    /** Every application on the holder's records, newest first. */
    public List<Application> ofHolder(SubjectIdentifier holder) {
        return records.recordsOfHolder(holder).stream()
                .flatMap(r -> applications.findByRecord(r.id()).stream())
                .sorted(Comparator.comparing(Application::filedAt).reversed())
                .toList();
    }

    /** Applications on one of the holder's records (another subject's record: not found). */
    public List<Application> ofHoldersRecord(SubjectIdentifier holder, String recordId) {
        ListRecord record = records.recordOfHolder(holder, recordId);
        return applications.findByRecord(record.id()).stream()
                .sorted(Comparator.comparing(Application::filedAt)).toList();
    }

    /**
     * What awaits an authority's decision, overdue first: open applications ordered by their last day
     * (the oldest deadline first), each with the working days left ({@link WorkingCalendar#workingDaysLeft}).
     */
    public List<Pending> pendingFor(String authority) {
        LocalDate today = records.today();
        return applications.findOpen(authority).stream()
                .sorted(Comparator.comparing(Application::decideBy, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Application::filedAt))
                .map(a -> new Pending(a, workingDaysLeft(today, a.decideBy()), a.isOverdueOn(today)))
                .toList();
    }

    /**
     * An open application with the working days left until its last day (negative: overdue by so many;
     * {@code null} while the deadline is pending, see {@link Application#deadlinePending}).
     */
    public record Pending(Application application, Integer workingDaysLeft, boolean overdue) {
    }

    /**
     * The working days from today to a last day (see {@link WorkingCalendar#workingDaysLeft}); {@code null}
     * when the last day is not known yet or the count runs through a year without a holiday file.
     */
    public Integer workingDaysLeft(LocalDate lastDay) {
        return workingDaysLeft(records.today(), lastDay);
    }

    private Integer workingDaysLeft(LocalDate today, LocalDate lastDay) {
        var left = calendar.workingDaysLeftIfKnown(today, lastDay);
        return left.isPresent() ? left.getAsInt() : null;
    }

    /** The application, if the actor's agency is the authority that decides it (else forbidden). */
    public Application forDecider(String applicationId, Actor actor) {
        Application a = applications.findById(applicationId).orElseThrow(ApplicationNotFoundException::new);
        requireDecider(a, actor);
        return a;
    }

    /** The authority confirms receipt. Repeating it changes nothing. */
    public Application acknowledge(String listId, String recordId, String applicationId, Actor actor) {
        Application current = get(listId, recordId, applicationId);
        requireDecider(current, actor);
        if (current.status() == ApplicationStatus.ACKNOWLEDGED) {
            return current;
        }
        if (!current.status().isOpen()) {
            throw new ApplicationStateException("the application is already " + current.status());
        }
        Application next = current.acknowledged(clock.instant());
        if (!applications.replace(next, current.version())) {
            throw new ApplicationStateException("the application changed meanwhile; read it again");
        }
        return next;
    }

    /**
     * The authority decides. Objection accepted (upheld): the record is REMOVED; rejected: it is ACTIVE
     * again. Repair accepted: the record is REMOVED (ground REPAIRED); rejected: it stays. Repeating the
     * same decision finishes an interrupted one; a different one is refused.
     */
    public Application decide(String listId, String recordId, String applicationId, boolean accepted, String reason,
            Actor actor) {
        Application current = get(listId, recordId, applicationId);
        requireDecider(current, actor);
        ApplicationStatus outcome = accepted ? ApplicationStatus.ACCEPTED : ApplicationStatus.REJECTED;
        Application decided;
        if (current.status().isOpen()) {
            decided = current.decided(accepted, actor.clientId(), reason, clock.instant());
            if (!applications.replace(decided, current.version())) {
                throw new ApplicationStateException("the application changed meanwhile; read it again");
            }
        } else if (current.status() == outcome) {
            decided = current; // a repeat: finish the record's step below
        } else {
            throw new ApplicationStateException("the application is already " + current.status());
        }
        String stepId = decisionStepId(decided);
        switch (decided.kind()) {
            case OBJECTION -> {
                if (accepted) {
                    records.removeOnDecision(recordId, stepId, actor.clientId(), "objection upheld: " + reason,
                            RemovalGround.OBJECTION_UPHELD);
                } else {
                    records.reinstate(recordId, stepId, actor.clientId(), "objection rejected: " + reason);
                }
            }
            case REPAIR -> {
                if (accepted) {
                    records.removeOnDecision(recordId, stepId, actor.clientId(), "credit repaired: " + reason,
                            RemovalGround.REPAIRED);
                }
            }
            case DELETION -> {
                if (accepted) {
                    records.removeOnDecision(recordId, stepId, actor.clientId(), "deletion ground: " + reason,
                            decided.ground());
                }
            }
        }
        log.info("{} {} on record {} {}", decided.kind(), decided.id(), recordId, decided.status());
        return decided;
    }

    public LocalDate today() {
        return records.today();
    }

    public Application get(String listId, String recordId, String applicationId) {
        return applications.findById(applicationId)
                .filter(a -> a.recordId().equals(recordId) && a.listId().equals(listId))
                .orElseThrow(ApplicationNotFoundException::new);
    }

    public List<Application> ofRecord(String listId, String recordId) {
        records.get(listId, recordId);
        return applications.findByRecord(recordId).stream()
                .sorted(Comparator.comparing(Application::filedAt))
                .toList();
    }

    /** Undecided applications past their deadline, of one authority (all when {@code null}), oldest deadline first. */
    public List<Application> overdue(String authority) {
        LocalDate today = records.today();
        return applications.findOpen(authority).stream()
                .filter(a -> a.isOverdueOn(today))
                .sorted(Comparator.comparing(Application::decideBy))
                .toList();
    }

    /** Open applications whose deadline could not be computed yet (a year without a holiday notice). */
    public List<Application> deadlinesPending() {
        return applications.findOpen(null).stream().filter(a -> a.decideBy() == null).toList();
    }

    /**
     * Computes the deadlines that were pending, now that the calendar knows their years (a holiday file
     * added): each is stored with its deadline. Those still unknown stay pending.
     *
     * @return how many stay pending
     */
    public int resolvePendingDeadlines() {
        int still = 0;
        for (Application a : deadlinesPending()) {
            ListDefinition list = lists.get(a.listId());
            TimeLimit limit = switch (a.kind()) {
                case OBJECTION -> list.objectionDecisionOrDefault();
                case REPAIR -> list.repair() == null ? null : list.repair().decision();
                case DELETION -> list.removalDeadlineOrDefault();
            };
            try {
                LocalDate filed = LocalDate.ofInstant(a.filedAt(), ListRecord.CALENDAR);
                if (limit != null && applications.replace(a.withDeadline(limit.lastDayAfter(filed, calendar)), a.version())) {
                    log.info("{} {}: deadline computed now that the calendar knows its year", a.kind(), a.id());
                    continue;
                }
            } catch (CalendarYearMissingException e) {
                // still pending
            }
            still++;
        }
        return still;
    }

    /** How many applications each authority has overdue (authorities with none are absent). */
    public Map<String, Long> overdueCounts() {
        return overdue(null).stream()
                .collect(Collectors.groupingBy(Application::authority, TreeMap::new, Collectors.counting()));
    }

    private TimeLimit checkObjection(ListDefinition list, ListRecord record, LocalDate today) {
        if (list.objectionWindow() != null) {
            LocalDate published = LocalDate.ofInstant(record.createdAt(), ListRecord.CALENDAR);
            LocalDate last;
            try {
                last = list.objectionWindow().lastDayAfter(published, calendar);
            } catch (CalendarYearMissingException e) {
                // Whether the window has closed cannot be known: the subject gets the benefit of the doubt.
                last = null;
            }
            if (last != null && today.isAfter(last)) {
                throw new RuleViolationException("kind", "objection-window",
                        "objections to records on " + list.id() + " are filed within " + list.objectionWindow()
                                + " of publication (" + published + "); the last day was " + last);
            }
        }
        if (record.status() == RecordStatus.DISPUTED) {
            throw new RecordStateException(record.status(), "the record is already disputed by another objection");
        }
        return list.objectionDecisionOrDefault();
    }

    private TimeLimit checkRepair(ListDefinition list, ListRecord record, LocalDate today) {
        RepairPolicy repair = list.repair();
        if (repair == null) {
            throw new RuleViolationException("kind", "not-repairable",
                    "records on " + list.id() + " cannot be repaired; they end by a deletion ground or their term");
        }
        LocalDate earliest = repair.earliestApplication(record.term().from());
        if (today.isBefore(earliest)) {
            throw new RuleViolationException("kind", "minimum-publicity",
                    "repair is possible from " + earliest + ", after the minimum publicity period of "
                            + repair.minimumPublicity() + " from " + record.term().from());
        }
        if (applications.findByRecord(record.id()).stream()
                .anyMatch(a -> a.kind() == ApplicationKind.REPAIR && a.status().isOpen())) {
            throw new ApplicationStateException("a repair application on this record is already open");
        }
        return repair.decision();
    }

    private TimeLimit checkDeletion(ListDefinition list, ListRecord record, RemovalGround ground) {
        if (ground == null) {
            throw new RuleViolationException("ground", "required", "a deletion request names the ground that arose");
        }
        if (applications.findByRecord(record.id()).stream()
                .anyMatch(a -> a.kind() == ApplicationKind.DELETION && a.status().isOpen())) {
            throw new ApplicationStateException("a deletion request on this record is already open");
        }
        return list.removalDeadlineOrDefault();
    }

    private static void requireDecider(Application application, Actor actor) {
        if (!actor.platformAdmin() && !application.authority().equals(actor.agency())) {
            throw new ListOwnedElsewhereException(application.authority());
        }
    }

    private static String stepId(Application a) {
        return a.kind().name().toLowerCase() + ":" + a.id() + ":filed";
    }

    private static String decisionStepId(Application a) {
        return a.kind().name().toLowerCase() + ":" + a.id() + ":decided";
    }
}
