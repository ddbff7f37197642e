package credit.platform.lists.record.domain;

import credit.platform.lists.definition.domain.ListKind;
import credit.platform.lists.definition.domain.Term;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A subject's entry on a list, with its history.
 *
 * @param issuingAuthority the agency that made the record ("whoever designated it repairs it")
 * @param status           the stored status; {@link #statusOn(LocalDate)} derives expiry
 * @param version          1 on creation, +1 on each change
 * @param ground           the list's numbered listing ground the record was made on ({@code null} when
 *                         not given); an open-ended record on a list with grounds names the ground that
 *                         allows it (SPC ground 1)
 */
public record ListRecord(
        String id,
        String listId,
        ListKind listKind,
        String subjectId,
        SubjectIdentifier identifier,
        String issuingAuthority,
        String legalBasis,
        String caseNumber,
        String legalGround,
        String facts,
        RecordStatus status,
        Term term,
        long version,
        Instant createdAt,
        List<RecordEvent> history,
        String ground) {

    public ListRecord(String id, String listId, ListKind listKind, String subjectId, SubjectIdentifier identifier,
            String issuingAuthority, String legalBasis, String caseNumber, String legalGround, String facts,
            RecordStatus status, Term term, long version, Instant createdAt, List<RecordEvent> history) {
        this(id, listId, listKind, subjectId, identifier, issuingAuthority, legalBasis, caseNumber, legalGround, facts,
                status, term, version, createdAt, history, null);
    }

    /** Terms are calendar days in China. */
    public static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    public ListRecord {
        history = List.copyOf(history);
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a record has at least its creation in its history");
        }
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), CALENDAR);
    }

    /** The status as of {@code today}: a record in force whose last effective day has passed is EXPIRED. */
    public RecordStatus statusOn(LocalDate today) {
        return status.isInForce() && term.hasEndedBy(today) ? RecordStatus.EXPIRED : status;
    }

    /** Not removed and not expired (it may start later: consumers see the start date). */
    public boolean isInForceOn(LocalDate today) {
        return statusOn(today).isInForce();
    }

    public RecordEvent latestEvent() {
        return history.getLast();
    }

    /** Whether a step with this event id is in the history (a retried step is not taken twice). */
    public boolean hasEvent(String eventId) {
        return history.stream().anyMatch(e -> e.eventId().equals(eventId));
    }

    /** The record after {@code event}: the new status and term, version + 1, the event appended to the history. */
    public ListRecord next(RecordStatus newStatus, Term newTerm, RecordEvent event) {
        List<RecordEvent> after = new java.util.ArrayList<>(history);
        after.add(event);
        return new ListRecord(id, listId, listKind, subjectId, identifier, issuingAuthority, legalBasis, caseNumber,
                legalGround, facts, newStatus, newTerm, version + 1, createdAt, after, ground);
    }

    /**
     * The status the record had on {@code day}, from its history and term; empty when it was not yet
     * effective then. Removal counts from the day it was recorded; the end of the term from the day after
     * its last day (an extension only lengthens the term, and is only possible while the record is in force,
     * so the current term answers for every earlier day too).
     */
    public java.util.Optional<RecordStatus> statusAsOf(LocalDate day) {
        if (day.isBefore(term.from())) {
            return java.util.Optional.empty();
        }
        RecordStatus status = RecordStatus.ACTIVE;
        for (RecordEvent event : history) {
            if (LocalDate.ofInstant(event.at(), CALENDAR).isAfter(day)) {
                break;
            }
            status = switch (event.type()) {
                case CREATED, REINSTATED -> RecordStatus.ACTIVE;
                case DISPUTED -> RecordStatus.DISPUTED;
                case EXTENDED -> RecordStatus.EXTENDED;
                case REMOVED -> RecordStatus.REMOVED;
                case EXPIRED -> RecordStatus.EXPIRED;
            };
        }
        if (status.isInForce() && term.hasEndedBy(day)) {
            status = RecordStatus.EXPIRED;
        }
        return java.util.Optional.of(status);
    }
}
