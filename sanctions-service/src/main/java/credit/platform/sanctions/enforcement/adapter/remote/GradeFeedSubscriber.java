package credit.platform.sanctions.enforcement.adapter.remote;

import credit.platform.feed.client.FeedFollower;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.GradeChange;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.scoring.v1.ScoringServiceGrpc;
import credit.scoring.v1.SnapshotGradesRequest;
import credit.scoring.v1.SnapshotGradesResponse;
import credit.scoring.v1.WatchGradeChangesRequest;
import credit.scoring.v1.WatchGradeChangesResponse;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the scoring service's grade changes ({@code WatchGradeChanges}) with the platform's feed
 * follower, for the grade rules of the catalogue: after the last applied grade sequence (stored with the
 * index, so a restart resumes), each change applied to the index; when the feed no longer reaches the
 * position, the grades are taken from {@code SnapshotGrades}. Caught up when the watch says so. Not
 * started when no rule names a grade.
 */
public class GradeFeedSubscriber extends FeedFollower<WatchGradeChangesResponse> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GradeFeedSubscriber.class);

    private final ScoringServiceGrpc.ScoringServiceStub scoring;
    private final ScoringServiceGrpc.ScoringServiceBlockingStub blocking;
    private final IndexMaintenance maintenance;
    private final Enforcement enforcement;

    public GradeFeedSubscriber(ScoringServiceGrpc.ScoringServiceStub scoring,
            ScoringServiceGrpc.ScoringServiceBlockingStub blocking, IndexMaintenance maintenance,
            Enforcement enforcement, Duration catchUpQuiet, Duration maxBackoff) {
        super("grades feed", new Settings(catchUpQuiet, Duration.ofMillis(100), maxBackoff));
        this.scoring = scoring;
        this.blocking = blocking;
        this.maintenance = maintenance;
        this.enforcement = enforcement;
    }

    @Override
    protected boolean wanted() {
        return enforcement.catalogue().hasGradeRules();
    }

    @Override
    protected long resumeAfter() {
        return Math.max(0, enforcement.gradeSequence());
    }

    @Override
    protected void open(long after, StreamObserver<WatchGradeChangesResponse> observer) {
        scoring.watchGradeChanges(WatchGradeChangesRequest.newBuilder().setFromSequence(after)
                .setCaughtUpMarkers(true).build(), observer);
    }

    @Override
    protected Kind kindOf(WatchGradeChangesResponse message) {
        if (message.hasResnapshotRequired()) {
            return Kind.RESNAPSHOT_REQUIRED;
        }
        return message.hasCaughtUp() ? Kind.CAUGHT_UP : Kind.CHANGE;
    }

    @Override
    protected void resnapshot() {
        if (blocking == null) {
            return;
        }
        List<GradeChange> grades = new ArrayList<>();
        Iterator<SnapshotGradesResponse> it = blocking.snapshotGrades(SnapshotGradesRequest.getDefaultInstance());
        while (it.hasNext()) {
            SnapshotGradesResponse item = it.next();
            if (item.hasGrade()) {
                var g = item.getGrade();
                grades.add(new GradeChange(0, g.getSubjectId(), g.getModelId(), g.getModelVersion(), g.getGrade(),
                        g.hasSince() ? ProtoMapping.instant(g.getSince()) : null));
            } else if (item.getItemCase() == SnapshotGradesResponse.ItemCase.AT_SEQUENCE) {
                maintenance.applyGradeSnapshot(grades, item.getAtSequence());
                log.info("Grades taken from a snapshot of {} at sequence {}", grades.size(), item.getAtSequence());
                return;
            }
        }
        throw new IllegalStateException("grade snapshot ended without its sequence");
    }

    @Override
    protected void apply(WatchGradeChangesResponse g) {
        maintenance.applyGrade(new GradeChange(g.getSequence(), g.getSubjectId(), g.getModelId(),
                g.getModelVersion(), g.getGrade(), g.hasOccurredAt() ? ProtoMapping.instant(g.getOccurredAt()) : null));
    }

    @Override
    protected void caughtUp(long head) {
        enforcement.gradesConnected(true);
        if (!enforcement.gradesCaughtUp()) {
            enforcement.markGradesCaughtUp();
            log.info("Enforcement index caught up with the grade-change feed at sequence {}", enforcement.gradeSequence());
        }
    }

    @Override
    protected void connected(boolean connected) {
        enforcement.gradesConnected(connected);
    }
}
