package credit.platform.sanctions.enforcement.adapter.remote;

import credit.lists.v1.ListsServiceGrpc;
import credit.lists.v1.WatchRequest;
import credit.lists.v1.WatchResponse;
import credit.platform.sanctions.notice.domain.NoticeChange;
import credit.platform.sanctions.notice.domain.NoticeService;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the lists feed for notices to subjects (the same {@link FeedFollower} as the index, its own
 * position, kept with the notices): every change after the stored position is applied — notice stored,
 * e-mail enqueued — before the position moves, so a restart resumes without a gap or a double. No
 * snapshot: notices are about changes; a first start follows the feed from its beginning. A position
 * older than the retained log cannot be replayed: the follower jumps to the oldest retained sequence
 * and logs how many changes had no notice (docs/architecture.md, DR-10).
 */
public class NoticeFeedSubscriber extends FeedFollower<WatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(NoticeFeedSubscriber.class);

    private final ListsServiceGrpc.ListsServiceStub lists;
    private final NoticeService notices;
    private final boolean enabled;
    private volatile long position = -1;

    public NoticeFeedSubscriber(ListsServiceGrpc.ListsServiceStub lists, NoticeService notices, boolean enabled,
            Duration catchUpQuiet, Duration maxBackoff) {
        super("notice feed", catchUpQuiet, maxBackoff);
        this.lists = lists;
        this.notices = notices;
        this.enabled = enabled;
    }

    @Override
    protected boolean wanted() {
        return enabled;
    }

    @Override
    protected void beforeWatch() {
        position = notices.position();
    }

    @Override
    protected long resumeFrom() {
        return Math.max(position, 0);
    }

    @Override
    protected void open(long from, StreamObserver<WatchResponse> observer) {
        lists.watch(WatchRequest.newBuilder().setFromSequence(from).build(), observer);
    }

    @Override
    protected boolean onItem(WatchResponse w) {
        if (w.hasResnapshotRequired()) {
            long oldest = w.getResnapshotRequired().getOldestRetainedSequence();
            log.warn("lists feed no longer holds sequence {}: changes up to {} get no notice", position, oldest - 1);
            notices.apply(new NoticeChange(oldest - 1, "SKIPPED", null, null, null, null, null, null, null, null,
                    null, null, null));
            position = oldest - 1;
            return false;
        }
        var change = w.getChange();
        var r = change.getRecord();
        notices.apply(new NoticeChange(change.getSequence(), change.getType().name().replace("CHANGE_TYPE_", ""),
                r.getRecordId(), r.getListId(), r.getListKind().name().replace("LIST_KIND_", ""), r.getSubjectId(),
                r.getIssuingAuthority(), r.getLegalBasis(), r.getCaseNumber(), r.getLegalGround(),
                r.hasEffectiveFrom() ? ProtoMapping.instant(r.getEffectiveFrom()) : null,
                r.hasEffectiveUntil() ? ProtoMapping.instant(r.getEffectiveUntil()) : null,
                change.hasOccurredAt() ? ProtoMapping.instant(change.getOccurredAt()) : null));
        position = change.getSequence();
        return true;
    }

    @Override
    protected void onQuiet() {
    }

    @Override
    protected void onDisconnected() {
    }
}
