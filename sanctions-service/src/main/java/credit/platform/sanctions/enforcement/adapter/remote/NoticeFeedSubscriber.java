package credit.platform.sanctions.enforcement.adapter.remote;

import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.feed.client.FeedFollower;
import credit.platform.sanctions.notice.domain.NoticeChange;
import credit.platform.sanctions.notice.domain.NoticeService;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the lists feed for notices to subjects (the change-feed component's {@link FeedFollower},
 * its own position, kept with the notices): every change after the stored position is applied — notice
 * stored, e-mail enqueued — before the position moves, so a restart resumes without a gap or a double.
 * No snapshot: notices are about changes; a first start follows the feed from its beginning. A position
 * older than the retained log cannot be replayed: the follower moves to the oldest retained sequence and
 * logs which changes had no notice (docs/architecture.md, DR-10).
 */
public class NoticeFeedSubscriber extends FeedFollower<WatchResponse> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NoticeFeedSubscriber.class);

    private final ListsServiceGrpc.ListsServiceStub lists;
    private final NoticeService notices;
    private final boolean enabled;
    private volatile long oldestRetained = -1;

    public NoticeFeedSubscriber(ListsServiceGrpc.ListsServiceStub lists, NoticeService notices, boolean enabled,
            Duration catchUpQuiet, Duration maxBackoff) {
        super("lists feed (notices)", new Settings(catchUpQuiet, Duration.ofMillis(100), maxBackoff));
        this.lists = lists;
        this.notices = notices;
        this.enabled = enabled;
    }

    @Override
    protected boolean wanted() {
        return enabled;
    }

    @Override
    protected long resumeAfter() {
        return notices.position(); // 0 before the first: the feed's sequences start at 1
    }

    @Override
    protected void open(long after, StreamObserver<WatchResponse> observer) {
        lists.watch(WatchRequest.newBuilder().setFromSequence(after).setCaughtUpMarkers(true).build(), observer);
    }

    @Override
    protected Kind kindOf(WatchResponse message) {
        return switch (message.getItemCase()) {
            case CHANGE -> Kind.CHANGE;
            case RESNAPSHOT_REQUIRED -> {
                oldestRetained = message.getResnapshotRequired().getOldestRetainedSequence();
                yield Kind.RESNAPSHOT_REQUIRED;
            }
            default -> Kind.CAUGHT_UP;
        };
    }

    @Override
    protected void resnapshot() {
        long oldest = oldestRetained;
        if (oldest > 0) {
            log.warn("lists feed no longer holds the changes after {}: changes up to {} get no notice",
                    notices.position(), oldest - 1);
            notices.apply(new NoticeChange(oldest - 1, "SKIPPED", null, null, null, null, null, null, null, null,
                    null, null, null));
        }
    }

    @Override
    protected void apply(WatchResponse w) {
        var change = w.getChange();
        if (change.getSequence() <= notices.position()) {
            return; // delivered again: applied already
        }
        var r = change.getRecord();
        notices.apply(new NoticeChange(change.getSequence(), change.getType().name().replace("CHANGE_TYPE_", ""),
                r.getRecordId(), r.getListId(), r.getListKind().name().replace("LIST_KIND_", ""), r.getSubjectId(),
                r.getIssuingAuthority(), r.getLegalBasis(), r.getCaseNumber(), r.getLegalGround(),
                r.hasEffectiveFrom() ? ProtoMapping.instant(r.getEffectiveFrom()) : null,
                r.hasEffectiveUntil() ? ProtoMapping.instant(r.getEffectiveUntil()) : null,
                change.hasOccurredAt() ? ProtoMapping.instant(change.getOccurredAt()) : null));
    }
}
