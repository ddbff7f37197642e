package credit.platform.sanctions.notice.domain;

import credit.platform.sanctions.enforcement.domain.JointSanctionRule;
import credit.platform.sanctions.enforcement.domain.Measure;
import credit.platform.sanctions.enforcement.domain.SanctionCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices to subjects, generated from the lists feed (docs/architecture.md, DR-10): when a record is
 * created, extended, reinstated (objection rejected), removed or expired, its subject gets one notice
 * per change — what was recorded, by whom, on what basis, until when, what it restricts (the joint
 * measures the catalogue attaches to the list) and how to object or repair. The notice is kept for the
 * subject's pages; when the subject has registered an address it is e-mailed through the outbox:
 * claimed by compare-and-set, retried with growing pauses until the relay accepts it, never given up.
 *
 * <p>Never lost: a change is applied (notice stored, e-mail enqueued) before the feed position moves
 * past it, and applying it again finds the notice and only completes the enqueue. Never sent twice by
 * the platform: the outbox holds one entry per notice and only the claim's holder marks it sent; a
 * sender that dies after the relay accepted a message but before marking it leaves the claim to expire,
 * and the retry carries the same Message-ID, so the copy is recognisable as a duplicate (SMTP gives no
 * stronger guarantee).
 */
public class NoticeService {

    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Set<String> NOTIFIED = Set.of("CREATED", "EXTENDED", "REINSTATED", "REMOVED", "EXPIRED");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

    private final NoticeStore store;
    private final Mailer mailer;
    private final SanctionCatalogue catalogue;
    private final String portalUrl;
    private final Clock clock;

    public NoticeService(NoticeStore store, Mailer mailer, SanctionCatalogue catalogue, String portalUrl, Clock clock) {
        this.store = store;
        this.mailer = mailer;
        this.catalogue = catalogue;
        this.portalUrl = portalUrl;
        this.clock = clock;
    }

    /** Where the feed follower resumes: after the last change whose notice is stored. */
    public long position() {
        return store.position();
    }

    /**
     * Applies one change of the lists feed: its notice (if the change is one subjects are told of) and
     * its e-mail, then the feed position. Repeating it changes nothing but finishing what a crash cut off.
     */
    public void apply(NoticeChange change) {
        if (NOTIFIED.contains(change.type()) && change.subjectId() != null && !change.subjectId().isBlank()) {
            Notice notice = compose(change);
            if (store.insert(notice)) {
                log.info("notice {} for record {} ({})", notice.id(), change.recordId(), change.type());
            }
            Notice stored = store.find(notice.id()).orElse(notice);
            if (stored.mail() == Notice.MailState.NO_ADDRESS) {
                store.addressOf(stored.subjectId()).ifPresent(to -> mail(stored, to));
            }
        }
        store.savePosition(change.sequence());
    }

    /** The subject's verified address from now on; notices made before it are e-mailed now. */
    public void registerAddress(String subjectId, String email) {
        store.registerAddress(subjectId, email);
        for (Notice n : store.withoutMail(subjectId)) {
            mail(n, email);
        }
    }

    public Optional<String> addressOf(String subjectId) {
        return store.addressOf(subjectId);
    }

    public List<Notice> ofSubject(String subjectId) {
        return store.ofSubject(subjectId, 200);
    }

    /**
     * Sends due e-mails until none is due or {@code max} were tried. Each: claimed, sent, marked; a
     * failure is due again after a pause that doubles per attempt (1 s, 2 s, … at most 10 min).
     *
     * @return how many the relay accepted
     */
    public int deliverDue(int max) {
        int sent = 0;
        for (int i = 0; i < max; i++) {
            Instant now = clock.instant();
            Optional<NoticeStore.Claim> claimed = store.claimDue(now, LEASE);
            if (claimed.isEmpty()) {
                break;
            }
            NoticeStore.Claim c = claimed.get();
            try {
                mailer.send(messageId(c.noticeId()), c.to(), c.subject(), c.text());
            } catch (RuntimeException e) {
                Duration pause = pause(c.attempts());
                store.markFailed(c, clock.instant().plus(pause), e.getClass().getSimpleName());
                log.warn("notice {} not sent (attempt {}): {}; next try in {}", c.noticeId(), c.attempts() + 1,
                        e.getClass().getSimpleName(), pause);
                continue;
            }
            if (store.markSent(c, clock.instant())) {
                store.markMail(c.noticeId(), Notice.MailState.SENT);
                sent++;
            }
        }
        return sent;
    }

    public long undelivered() {
        return store.undelivered();
    }

    static Duration pause(int attempts) {
        long seconds = 1L << Math.min(attempts, 20);
        return Duration.ofSeconds(seconds).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : Duration.ofSeconds(seconds);
    }

    /** The Message-ID every attempt of one notice carries. */
    public static String messageId(String noticeId) {
        return "<" + noticeId.replace(':', '.') + "@notices.credit-platform>";
    }

    private void mail(Notice n, String to) {
        store.enqueue(n.id(), to, n.subject(), n.text(), clock.instant());
        store.markMail(n.id(), Notice.MailState.PENDING);
    }

    /** The notice's words, Chinese then English, from the change and the catalogue's rules for its list. */
    Notice compose(NoticeChange c) {
        List<Measure> measures = new ArrayList<>();
        Set<String> appeals = new LinkedHashSet<>();
        for (JointSanctionRule rule : catalogue.rulesFor(c.listId(), c.listKind())) {
            for (String code : rule.measures()) {
                Measure m = catalogue.measure(code);
                if (m != null && measures.stream().noneMatch(x -> x.code().equals(code))) {
                    measures.add(m);
                }
            }
            if (rule.appeal() != null && !rule.appeal().isBlank()) {
                appeals.add(rule.appeal());
            }
        }
        boolean ended = c.type().equals("REMOVED") || c.type().equals("EXPIRED");
        String from = c.effectiveFrom() == null ? "—" : LocalDate.ofInstant(c.effectiveFrom(), CHINA).toString();
        String until = c.effectiveUntil() == null ? "至出现删除事由 / until a deletion ground arises"
                : LocalDate.ofInstant(c.effectiveUntil(), CHINA).minusDays(1).toString();
        String subject = "信用记录告知 / Credit record notice: " + words(c.type()) + " — " + c.listId()
                + " (" + c.caseNumber() + ")";
        StringBuilder t = new StringBuilder();
        t.append(words(c.type())).append('\n');
        t.append("名单 / List: ").append(c.listId()).append(" (").append(c.listKind()).append(")\n");
        t.append("列入机关 / Recorded by: ").append(c.authority()).append('\n');
        t.append("案号 / Case: ").append(c.caseNumber()).append('\n');
        t.append("事由 / Ground: ").append(c.legalGround()).append('\n');
        t.append("法律依据 / Legal basis: ").append(c.legalBasis()).append('\n');
        t.append("期间 / In force: ").append(from).append(" — ").append(until).append('\n');
        if (measures.isEmpty()) {
            t.append("限制措施 / What it restricts: 无联合惩戒措施 / no joint measure\n");
        } else {
            t.append(ended ? "不再限制 / No longer restricts:\n" : "限制措施 / What it restricts:\n");
            measures.forEach(m -> t.append("  - ").append(m.code()).append(": ").append(m.description()).append('\n'));
        }
        if (!ended) {
            t.append("如何异议或修复 / How to object or repair:\n");
            appeals.forEach(a -> t.append("  - ").append(a).append('\n'));
            t.append("  - ").append(portalUrl).append("/me/records/").append(c.recordId())
                    .append(" (提出异议、信用修复或删除申请，查看办理期限 / object, apply for repair or deletion, see the deadlines)\n");
        }
        return new Notice("lists:" + c.sequence(), c.subjectId(), c.recordId(), c.listId(), c.type(), subject,
                t.toString(), c.occurredAt() == null ? clock.instant() : c.occurredAt(), Notice.MailState.NO_ADDRESS);
    }

    private static String words(String type) {
        return switch (type) {
            case "CREATED" -> "您已被列入名单 / You have been put on a list";
            case "EXTENDED" -> "记录期限已延长 / A record about you was extended";
            case "REINSTATED" -> "异议已被驳回，记录继续有效 / Your objection was rejected; the record stands";
            case "REMOVED" -> "记录已删除 / A record about you was removed";
            case "EXPIRED" -> "记录已到期 / A record about you has expired";
            default -> type;
        };
    }
}
