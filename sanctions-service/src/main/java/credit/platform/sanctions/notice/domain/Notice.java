package credit.platform.sanctions.notice.domain;

import java.time.Instant;

/**
 * A notice to the subject of a record: what was recorded (or ended), by whom, on what basis, until
 * when, what it restricts and how to object or repair — kept for the subject's pages and e-mailed
 * from the outbox when the subject has registered an address.
 *
 * @param id   {@code lists:<feed sequence>}: one notice per change, however often the change is delivered
 * @param mail whether it has been e-mailed
 */
public record Notice(String id, String subjectId, String recordId, String listId, String changeType, String subject,
        String text, Instant createdAt, MailState mail) {

    public enum MailState {
        /** The subject has registered no address (yet): shown in the portal only. */
        NO_ADDRESS,
        /** In the outbox: sent with retries until the relay accepts it. */
        PENDING,
        /** Accepted by the SMTP relay. */
        SENT
    }
}
