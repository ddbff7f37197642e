package credit.platform.lists.record.domain;

import credit.platform.identifiers.IdentifierScheme;
import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.ListDefinition;
import credit.platform.lists.definition.domain.ListingGround;
import credit.platform.lists.definition.domain.Publicity;
import credit.platform.lists.definition.domain.RuleViolation;
import credit.platform.lists.definition.domain.RuleViolationException;
import credit.platform.lists.definition.domain.SubjectKind;
import credit.platform.lists.definition.domain.Term;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use cases on records. Plain Java: the adapters translate to and from REST, gRPC and Mongo.
 *
 * <p>No multi-document transactions: a create is (1) one insert of the record, its CREATED event
 * marked "not yet in the feed", then (2) one append to the change log, which marks the event
 * published. A crash between the two leaves a pending record that {@link #publishPending()} (run at
 * start-up and periodically) appends; the log knows each event id once, so a repeated append is a
 * no-op. With an idempotency key the record id is derived from (agency, key), so a retried request
 * finds the first record instead of writing a second one.
 */
public class RecordService {

    private static final Logger log = LoggerFactory.getLogger(RecordService.class);

    private final ListCatalog lists;
    private final RecordRepository records;
    private final SubjectDirectory subjects;
    private final RecordChangeLog changes;
    private final Clock clock;

    public RecordService(ListCatalog lists, RecordRepository records, SubjectDirectory subjects,
            RecordChangeLog changes, Clock clock) {
        this.lists = lists;
        this.records = records;
        this.subjects = subjects;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Puts a subject on a list. Every check runs before anything is written; a retry with the same
     * idempotency key returns the first record.
     *
     * @throws credit.platform.lists.definition.domain.ListNotFoundException no such list
     * @throws ListOwnedElsewhereException  the actor's agency does not own the list
     * @throws RuleViolationException       the subject or the term breaks the list's rules
     * @throws SubjectRejectedException     the registry rejects the subject
     * @throws RegistryUnavailableException the registry cannot be reached
     */
    public ListRecord create(NewRecord request, Actor actor) {
        ListDefinition list = writableList(request.listId(), actor);
        NamedSubject named = checkSubject(list, request);
        Term term = list.term().resolve(request.effectiveFrom(), request.effectiveUntil(), openEnded(list, request));

        String id = request.idempotencyKey() == null
                ? UUID.randomUUID().toString()
                : idempotentId(actor, request.idempotencyKey());
        if (request.idempotencyKey() != null) {
            Optional<ListRecord> first = records.findById(id);
            if (first.isPresent()) {
                return replay(first.get());
            }
        }

        RegisteredSubject subject = subjects.registerOrGet(named);
        Instant now = clock.instant();
        RecordEvent created = new RecordEvent(UUID.randomUUID().toString(), ChangeType.CREATED, actor.clientId(), now,
                "listed in case " + request.caseNumber());
        String authority = ListDefinition.ANY_AUTHORITY.equals(list.issuingAuthority()) && actor.agency() != null
                ? actor.agency()
                : list.issuingAuthority();
        ListRecord record = new ListRecord(id, list.id(), list.kind(), subject.subjectId(), subject.identifier(),
                authority, list.legalBasis(), request.caseNumber(), request.legalGround(), request.facts(),
                RecordStatus.ACTIVE, term, 1, now, List.of(created), request.ground());
        if (!records.insert(record)) {
            // A concurrent retry with the same idempotency key won the insert.
            return replay(records.findById(id).orElseThrow(RecordNotFoundException::new));
        }
        log.info("record {} created on {} for subject {}", id, list.id(), subject.subjectId());
        publish(record);
        return record;
    }

    /**
     * The list, if the actor may write to it.
     *
     * @throws credit.platform.lists.definition.domain.ListNotFoundException no such list
     * @throws ListOwnedElsewhereException the actor's agency does not own the list
     */
    public ListDefinition writableList(String listId, Actor actor) {
        ListDefinition list = lists.get(listId);
        if (!actor.platformAdmin() && !list.isOwnedBy(actor.agency())) {
            throw new ListOwnedElsewhereException(list.issuingAuthority());
        }
        return list;
    }

    /**
     * Record-level ownership, for every change an agency asks for: only the record's issuing
     * authority (or the platform admin) changes it — on a list of one authority and on a list any
     * authority writes alike. A record the actor may not even see (restricted list) is not found.
     *
     * @throws RecordOwnedElsewhereException another authority made the record
     * @throws RecordNotFoundException       the actor may not see the record
     */
    public void requireIssuer(ListRecord record, Actor actor) {
        if (actor.platformAdmin() || record.issuingAuthority().equals(actor.agency())) {
            return;
        }
        if (!isVisibleTo(record, actor)) {
            throw new RecordNotFoundException();
        }
        throw new RecordOwnedElsewhereException(record.issuingAuthority());
    }

    public ListRecord get(String listId, String recordId) {
        return records.findById(recordId)
                .filter(r -> r.listId().equals(listId))
                .orElseThrow(RecordNotFoundException::new);
    }

    public ListRecord get(String recordId) {
        return records.findById(recordId).orElseThrow(RecordNotFoundException::new);
    }

    /** A subject's records, newest first; ended ones (removed, expired) only when asked. */
    public List<ListRecord> recordsOf(String subjectId, boolean includeEnded) {
        LocalDate today = today();
        return records.findBySubject(subjectId).stream()
                .filter(r -> includeEnded || r.isInForceOn(today))
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .toList();
    }

    /** The actor of changes nobody asked for (the expiry sweep). */
    public static final String SYSTEM = "system";
    private static final int STEP_ATTEMPTS = 3;

    /**
     * Takes a record off its list before its end (ACTIVE, EXTENDED or DISPUTED → REMOVED). Removed
     * records stay, with their history, but are no longer public nor used for sanctions.
     *
     * @param expectedVersion the version the caller read, or {@code null} to skip that check
     * @throws ListOwnedElsewhereException the actor's agency does not own the list, or (
     *                                     {@link RecordOwnedElsewhereException}) did not make the record
     * @throws RecordStateException        the record is no longer in force
     * @throws ConcurrentChangeException   the record is not at {@code expectedVersion}, or changed meanwhile
     */
    public ListRecord remove(String listId, String recordId, RemovalGround ground, String reason,
            Long expectedVersion, Actor actor) {
        writableList(listId, actor);
        ListRecord current = get(listId, recordId);
        requireIssuer(current, actor);
        return transition(current, expectedVersion, r -> {
            requireInForce(r, "removed");
            return r.next(RecordStatus.REMOVED, r.term(), new RecordEvent(UUID.randomUUID().toString(),
                    ChangeType.REMOVED, actor.clientId(), clock.instant(), reason, ground));
        });
    }

    /**
     * Extends a record's term within the list's maximum (SPC: by 1 to 3 years, at most 5 in all):
     * ACTIVE or EXTENDED → EXTENDED. A disputed record is not extended until its objection is decided.
     *
     * @throws RuleViolationException    the extension breaks the list's rules (field {@code extension})
     * @throws RecordStateException      the record is disputed or no longer in force
     * @throws ConcurrentChangeException the record is not at {@code expectedVersion}, or changed meanwhile
     */
    public ListRecord extend(String listId, String recordId, Period extension, String reason, Long expectedVersion,
            Actor actor) {
        ListDefinition list = writableList(listId, actor);
        ListRecord current = get(listId, recordId);
        requireIssuer(current, actor);
        return transition(current, expectedVersion, r -> {
            requireInForce(r, "extended");
            if (r.status() == RecordStatus.DISPUTED) {
                throw new RecordStateException(r.status(), "the record is disputed: decide the objection before extending it");
            }
            Term extended = list.term().extend(r.term(), extension);
            return r.next(RecordStatus.EXTENDED, extended, new RecordEvent(UUID.randomUUID().toString(),
                    ChangeType.EXTENDED, actor.clientId(), clock.instant(),
                    reason + " (extended by " + extension + " to " + extended.until() + ")"));
        });
    }

    /**
     * An objection was filed: ACTIVE or EXTENDED → DISPUTED. Idempotent by {@code eventId}.
     *
     * @throws RecordStateException the record is already disputed or no longer in force
     */
    public ListRecord dispute(String recordId, String eventId, String actor, String reason) {
        return step(recordId, eventId, r -> {
            requireInForce(r, "disputed");
            if (r.status() == RecordStatus.DISPUTED) {
                throw new RecordStateException(r.status(), "the record is already disputed by another objection");
            }
            return r.next(RecordStatus.DISPUTED, r.term(),
                    new RecordEvent(eventId, ChangeType.DISPUTED, actor, clock.instant(), reason));
        });
    }

    /** An objection was rejected: DISPUTED → ACTIVE. Idempotent by {@code eventId}; a record no longer disputed is left as it is. */
    public ListRecord reinstate(String recordId, String eventId, String actor, String reason) {
        return step(recordId, eventId, r -> r.statusOn(today()) != RecordStatus.DISPUTED ? null
                : r.next(RecordStatus.ACTIVE, r.term(),
                        new RecordEvent(eventId, ChangeType.REINSTATED, actor, clock.instant(), reason)));
    }

    /** An objection was upheld or repair granted: → REMOVED. Idempotent by {@code eventId}; an ended record is left as it is. */
    public ListRecord removeOnDecision(String recordId, String eventId, String actor, String reason,
            RemovalGround ground) {
        return step(recordId, eventId, r -> !r.isInForceOn(today()) ? null
                : r.next(RecordStatus.REMOVED, r.term(),
                        new RecordEvent(eventId, ChangeType.REMOVED, actor, clock.instant(), reason, ground)));
    }

    /**
     * The expiry sweep: every record still in force whose last effective day has passed becomes
     * EXPIRED, with an event in its history and in the change feed, without anyone asking.
     *
     * @return how many records expired
     */
    public int expireDue() {
        LocalDate today = today();
        int expired = 0;
        for (ListRecord due : records.findEndedBefore(today)) {
            String eventId = "expired:" + due.id() + ":" + due.term().until();
            try {
                step(due.id(), eventId, r -> !r.status().isInForce() || !r.term().hasEndedBy(today) ? null
                        : r.next(RecordStatus.EXPIRED, r.term(), new RecordEvent(eventId, ChangeType.EXPIRED, SYSTEM,
                                clock.instant(), "term ended on " + r.term().until())));
                expired++;
            } catch (ConcurrentChangeException e) {
                log.info("record {} changed while expiring; the next sweep retries", due.id());
            }
        }
        if (expired > 0) {
            log.info("{} records expired", expired);
        }
        return expired;
    }

    /** A subject's records that were in force on {@code day} (its history and term), as they are now. */
    public List<ListRecord> recordsOfAsOf(String subjectId, LocalDate day) {
        return records.findBySubject(subjectId).stream()
                .filter(r -> r.statusAsOf(day).map(RecordStatus::isInForce).orElse(false))
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .toList();
    }

    /**
     * The records of whoever holds {@code identifier} (a signed-in person or company: the identifier
     * comes from their token), newest first, ended ones included; empty when the registry knows nobody
     * holding it.
     */
    public List<ListRecord> recordsOfHolder(SubjectIdentifier identifier) {
        return subjects.holderOf(identifier).map(id -> recordsOf(id, true)).orElse(List.of());
    }

    /** One of the holder's records; another subject's record is "not found" (never "forbidden": nothing leaks). */
    public ListRecord recordOfHolder(SubjectIdentifier identifier, String recordId) {
        String holder = subjects.holderOf(identifier).orElseThrow(RecordNotFoundException::new);
        return records.findById(recordId).filter(r -> r.subjectId().equals(holder))
                .orElseThrow(RecordNotFoundException::new);
    }

    /**
     * A page of a PUBLIC list's records in force and effective today, newest first, optionally only
     * those naming exactly {@code identifierValue} or of exactly {@code caseNumber}.
     *
     * @throws credit.platform.lists.definition.domain.ListNotFoundException no such list, or the list is not public
     */
    public RecordPage publicPage(String listId, String identifierValue, String caseNumber, int page, int size) {
        if (lists.get(listId).publicity() != Publicity.PUBLIC) {
            throw new credit.platform.lists.definition.domain.ListNotFoundException(listId);
        }
        RecordFilter filter = new RecordFilter(listId, null, today(), identifierValue, caseNumber);
        return new RecordPage(records.findMatching(filter, page, size), page, size, records.countMatching(filter));
    }

    /** A page of the records an authority made (every list, every status), newest first. */
    public RecordPage authorityPage(String authority, int page, int size) {
        RecordFilter filter = new RecordFilter(null, authority, null, null, null);
        return new RecordPage(records.findMatching(filter, page, size), page, size, records.countMatching(filter));
    }

    /** One page of a list's records (all statuses), newest first. */
    public RecordPage page(String listId, int page, int size) {
        lists.get(listId);
        return new RecordPage(records.findByList(listId, page, size), page, size, records.countByList(listId));
    }

    public boolean isRestricted(String listId) {
        return lists.get(listId).publicity() == Publicity.RESTRICTED;
    }

    /**
     * Whether an agency may read the record over REST: records on RESTRICTED lists only by their issuing
     * authority and the platform admin (others are told there is no such record).
     */
    public boolean isVisibleTo(ListRecord record, Actor actor) {
        return actor.platformAdmin() || record.issuingAuthority().equals(actor.agency())
                || lists.get(record.listId()).publicity() != Publicity.RESTRICTED;
    }

    /** A page of records and the total across pages. */
    public record RecordPage(List<ListRecord> items, int page, int size, long total) {
    }

    /**
     * What the public may see of a legal entity named by its USCC: its records in force today on
     * lists whose publicity is PUBLIC (removed, expired and repaired records are no longer published).
     */
    public List<ListRecord> publicRecordsOf(String uscc) {
        LocalDate today = today();
        return records.findByIdentifier(IdentifierScheme.USCC, uscc).stream()
                .filter(r -> r.isInForceOn(today) && !r.term().from().isAfter(today))
                .filter(r -> lists.get(r.listId()).publicity() == Publicity.PUBLIC)
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .toList();
    }

    /** One user-requested change, guarded by the caller's expected version and the stored version. */
    private ListRecord transition(ListRecord current, Long expectedVersion, UnaryOperator<ListRecord> change) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ConcurrentChangeException(expectedVersion, current.version());
        }
        publish(current); // a previous change still pending reaches the feed first
        ListRecord next = change.apply(current);
        if (!records.replace(next, current.version())) {
            throw new ConcurrentChangeException(current.version(), get(current.id()).version());
        }
        log.info("record {} {} by {}", next.id(), next.latestEvent().type(), next.latestEvent().actor());
        publish(next);
        return next;
    }

    /**
     * A step that follows from something else (an objection, a decision, the sweep): retried on
     * concurrent changes, and taken once per {@code eventId}. {@code change} returns {@code null} when
     * there is nothing to do.
     */
    private ListRecord step(String recordId, String eventId, UnaryOperator<ListRecord> change) {
        for (int attempt = 1; ; attempt++) {
            ListRecord current = get(recordId);
            publish(current);
            if (current.hasEvent(eventId)) {
                return current;
            }
            ListRecord next = change.apply(current);
            if (next == null) {
                return current;
            }
            if (records.replace(next, current.version())) {
                log.info("record {} {} by {}", next.id(), next.latestEvent().type(), next.latestEvent().actor());
                publish(next);
                return next;
            }
            if (attempt >= STEP_ATTEMPTS) {
                throw new ConcurrentChangeException(current.version(), get(recordId).version());
            }
        }
    }

    private void requireInForce(ListRecord r, String what) {
        RecordStatus status = r.statusOn(today());
        if (!status.isInForce()) {
            throw new RecordStateException(status, "the record is " + status + " and cannot be " + what);
        }
    }

    /** Appends every record change that is stored but not yet in the feed (after a crash). */
    public int publishPending() {
        int published = 0;
        for (ListRecord pending : records.findPendingPublication()) {
            publish(pending);
            published++;
        }
        return published;
    }

    public LocalDate today() {
        return ListRecord.today(clock);
    }

    private ListRecord replay(ListRecord first) {
        // The first attempt may have stopped between the record and the feed: finish it.
        publish(first);
        return first;
    }

    private void publish(ListRecord record) {
        try {
            changes.append(RecordChange.latestOf(record));
        } catch (RuntimeException e) {
            // The record is stored; its event stays pending and publishPending() appends it later.
            log.warn("record {} stored but not yet in the change feed: {}", record.id(), e.getClass().getName());
        }
    }

    /**
     * Whether the record lasts until a deletion ground arises. On a list with numbered grounds only an
     * open-ended ground allows it (SPC: ground 1 alone), and that ground is open-ended unless the
     * authority gives an end; a ground the list does not have is refused.
     *
     * @throws RuleViolationException naming {@code ground}
     */
    static boolean openEnded(ListDefinition list, NewRecord request) {
        ListingGround ground = null;
        if (request.ground() != null) {
            ground = list.ground(request.ground()).orElseThrow(() -> new RuleViolationException("ground", "listing-ground",
                    list.grounds().isEmpty() ? "list " + list.id() + " has no numbered listing grounds"
                            : "list " + list.id() + " has the grounds " + list.grounds().stream()
                                    .map(ListingGround::code).toList() + ", not " + request.ground()));
        }
        if (list.grounds().isEmpty()) {
            return request.untilDeletionGround();
        }
        if (request.untilDeletionGround() && (ground == null || !ground.openEnded())) {
            throw new RuleViolationException("ground", "open-ended-ground", "on " + list.id()
                    + " only ground " + list.grounds().stream().filter(ListingGround::openEnded).map(ListingGround::code)
                            .toList() + " lasts until a deletion ground arises; name it in ground, or give the term");
        }
        return request.untilDeletionGround() || (ground != null && ground.openEnded() && request.effectiveUntil() == null);
    }

    /**
     * The subject's kind fits the list, and a list that never names minors does not name one: the
     * person's birth date is the one the identifier carries, else the one the registry holds, else the
     * one the authority gives — whatever document names the person. A person of unknown birth date is
     * not listed on such a list.
     *
     * @return the subject to register, with the birth date used
     */
    private NamedSubject checkSubject(ListDefinition list, NewRecord request) {
        List<RuleViolation> violations = new ArrayList<>();
        NamedSubject subject = request.subject();
        if (!list.subjectKinds().contains(subject.kind())) {
            violations.add(new RuleViolation("subject.kind", "subject-kind",
                    "list " + list.id() + " names only " + list.subjectKinds().stream().map(Enum::name).sorted().toList()));
        }
        LocalDate born = subject.birthDate();
        if (subject.kind() == SubjectKind.PERSON) {
            LocalDate carried = subject.identifier().birthDate().orElse(null);
            if (carried != null) {
                if (born != null && !born.equals(carried)) {
                    violations.add(new RuleViolation("subject.birthDate", "matches-identifier",
                            "the birth date " + born + " contradicts the " + subject.identifier().scheme() + " given"));
                }
                born = carried;
            } else if (list.excludesMinors()) {
                LocalDate held = subjects.find(subject.identifier()).map(RegisteredSubject::birthDate).orElse(null);
                if (held != null) {
                    if (born != null && !born.equals(held)) {
                        violations.add(new RuleViolation("subject.birthDate", "matches-registry",
                                "the birth date " + born + " contradicts the one the registry holds for this person"));
                    }
                    born = held;
                }
            }
            if (list.excludesMinors()) {
                if (born == null) {
                    violations.add(new RuleViolation("subject.birthDate", "required",
                            "minors are never listed on " + list.id() + ": a person named by a "
                                    + subject.identifier().scheme() + " needs subject.birthDate (the registry holds none)"));
                } else if (isMinorOn(born, request.effectiveFrom())) {
                    violations.add(new RuleViolation("subject.value", "minor",
                            "minors are never listed on " + list.id() + "; the person is under 18 on "
                                    + request.effectiveFrom()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return subject.kind() == SubjectKind.PERSON
                ? new NamedSubject(subject.kind(), subject.identifier(), subject.name(), born) : subject;
    }

    /**
     * Under 18 on {@code day}: the day falls within the 18 years from the birth date, counted as every
     * legal period is ({@code ChinaTime.lastDay}) — adult on the 18th birthday; born 29 February, adult on
     * 1 March of a year without one.
     */
    static boolean isMinorOn(LocalDate born, LocalDate day) {
        return !day.isAfter(credit.platform.identifiers.ChinaTime.lastDay(born, java.time.Period.ofYears(18)));
    }

    /** The record id a request with this idempotency key gets: the same for every retry. */
    static String idempotentId(Actor actor, String key) {
        String owner = actor.agency() != null ? actor.agency() : actor.clientId();
        return UUID.nameUUIDFromBytes(("idempotency-key:" + owner + ":" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
