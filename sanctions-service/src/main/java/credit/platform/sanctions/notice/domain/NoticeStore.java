package credit.platform.sanctions.notice.domain;

import java.util.List;
import java.util.Optional;

/** Where notices, the outbox, the subjects' addresses and the feed position are kept (port; Mongo implements it). */
public interface NoticeStore {

    /** Stores a new notice; {@code false}, writing nothing, when one with its id exists (a change delivered again). */
    boolean insert(Notice notice);

    Optional<Notice> find(String id);

    /** A subject's notices, newest first. */
    List<Notice> ofSubject(String subjectId, int limit);

    /** A subject's notices not yet in the outbox (no address was known when they were made). */
    List<Notice> withoutMail(String subjectId);

    void markMail(String noticeId, Notice.MailState state);

    /** The last feed sequence whose notices are stored ({@code 0} before the first). */
    long position();

    void savePosition(long sequence);

    Optional<String> addressOf(String subjectId);

    void registerAddress(String subjectId, String email);

    // ---------------------------------------------------------------- the outbox

    /**
     * Puts a notice's e-mail in the outbox, due now. Idempotent by notice id: an e-mail already in the
     * outbox (pending, being sent or sent) is left as it is — a notice is never e-mailed twice by a repeat.
     */
    void enqueue(String noticeId, String to, String subject, String text, java.time.Instant due);

    /**
     * Claims the oldest due e-mail for {@code lease} (compare-and-set: of two senders one wins; a claim
     * whose lease has run out — its sender died — can be claimed again).
     */
    Optional<Claim> claimDue(java.time.Instant now, java.time.Duration lease);

    /** The relay accepted it: sent. Only the claim's holder can mark it; {@code false} when the claim was lost. */
    boolean markSent(Claim claim, java.time.Instant at);

    /** The relay refused or could not be reached: due again at {@code retryAt}. Only the claim's holder. */
    void markFailed(Claim claim, java.time.Instant retryAt, String error);

    /** E-mails not yet accepted by the relay (pending or being sent). */
    long undelivered();

    /** A claimed outbox entry. {@code attempts}: earlier failed attempts. */
    record Claim(String noticeId, String token, String to, String subject, String text, int attempts) {
    }
}
