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
        List<RecordEvent> history) {

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
}
