package credit.platform.lists.record.domain;

import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.ListDefinition;
import credit.platform.lists.definition.domain.RuleViolation;
import credit.platform.lists.definition.domain.RuleViolationException;
import credit.platform.lists.definition.domain.SubjectKind;
import credit.platform.lists.definition.domain.Term;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
        checkSubject(list, request);
        Term term = list.term().resolve(request.effectiveFrom(), request.effectiveUntil(),
                request.untilDeletionGround());

        String id = request.idempotencyKey() == null
                ? UUID.randomUUID().toString()
                : idempotentId(actor, request.idempotencyKey());
        if (request.idempotencyKey() != null) {
            Optional<ListRecord> first = records.findById(id);
            if (first.isPresent()) {
                return replay(first.get());
            }
        }

        RegisteredSubject subject = subjects.registerOrGet(request.subject());
        Instant now = clock.instant();
        RecordEvent created = new RecordEvent(UUID.randomUUID().toString(), ChangeType.CREATED, actor.clientId(), now,
                "listed in case " + request.caseNumber());
        String authority = ListDefinition.ANY_AUTHORITY.equals(list.issuingAuthority()) && actor.agency() != null
                ? actor.agency()
                : list.issuingAuthority();
        ListRecord record = new ListRecord(id, list.id(), list.kind(), subject.subjectId(), subject.identifier(),
                authority, list.legalBasis(), request.caseNumber(), request.legalGround(), request.facts(),
                RecordStatus.ACTIVE, term, 1, now, List.of(created));
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

    private void checkSubject(ListDefinition list, NewRecord request) {
        List<RuleViolation> violations = new ArrayList<>();
        NamedSubject subject = request.subject();
        if (!list.subjectKinds().contains(subject.kind())) {
            violations.add(new RuleViolation("subject.kind", "subject-kind",
                    "list " + list.id() + " names only " + list.subjectKinds().stream().map(Enum::name).sorted().toList()));
        }
        if (list.excludesMinors() && subject.kind() == SubjectKind.PERSON && isMinorOn(subject.identifier(),
                request.effectiveFrom())) {
            violations.add(new RuleViolation("subject.value", "minor",
                    "minors are never listed on " + list.id() + "; the resident ID gives an age under 18"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /** From a resident ID's birth date (positions 7–14); false when it cannot be read (the registry judges it). */
    static boolean isMinorOn(SubjectIdentifier id, LocalDate day) {
        if (id.scheme() != IdentifierScheme.RESIDENT_ID || id.value().length() != 18) {
            return false;
        }
        String birth = id.value().substring(6, 14);
        if (!birth.chars().allMatch(Character::isDigit)) {
            return false;
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(birth.substring(0, 4)),
                    Integer.parseInt(birth.substring(4, 6)), Integer.parseInt(birth.substring(6, 8)));
            return born.plusYears(18).isAfter(day);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The record id a request with this idempotency key gets: the same for every retry. */
    static String idempotentId(Actor actor, String key) {
        String owner = actor.agency() != null ? actor.agency() : actor.clientId();
        return UUID.nameUUIDFromBytes(("idempotency-key:" + owner + ":" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
