package credit.platform.sanctions.enforcement.adapter.remote;

import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.GradeChange;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.scoring.v1.ScoringServiceGrpc;
import credit.scoring.v1.WatchGradeChangesRequest;
import credit.scoring.v1.WatchGradeChangesResponse;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the scoring service's grade changes ({@code WatchGradeChanges}) for the grade rules of the
 * catalogue: from the last applied grade sequence (stored with the index, so a restart resumes), each
 * change applied to the index; reconnects and resumes as every {@link FeedFollower}. Caught up once
 * the stream stays quiet. Not started when no rule names a grade.
 */
public class GradeFeedSubscriber extends FeedFollower<WatchGradeChangesResponse> {

    private static final Logger log = LoggerFactory.getLogger(GradeFeedSubscriber.class);

    private final ScoringServiceGrpc.ScoringServiceStub scoring;
    private final IndexMaintenance maintenance;
    private final Enforcement enforcement;

    public GradeFeedSubscriber(ScoringServiceGrpc.ScoringServiceStub scoring, IndexMaintenance maintenance,
            Enforcement enforcement, Duration catchUpQuiet, Duration maxBackoff) {
        super("grades feed", catchUpQuiet, maxBackoff);
        this.scoring = scoring;
        this.maintenance = maintenance;
        this.enforcement = enforcement;
    }

    @Override
    protected boolean wanted() {
        return enforcement.catalogue().hasGradeRules();
    }

    @Override
    protected long resumeFrom() {
        return Math.max(0, enforcement.gradeSequence());
    }

    @Override
    protected void open(long from, StreamObserver<WatchGradeChangesResponse> observer) {
        scoring.watchGradeChanges(WatchGradeChangesRequest.newBuilder().setFromSequence(from).build(), observer);
    }

    @Override
    protected boolean onItem(WatchGradeChangesResponse g) {
        enforcement.gradesConnected(true);
        maintenance.applyGrade(new GradeChange(g.getSequence(), g.getSubjectId(), g.getModelId(),
                g.getModelVersion(), g.getGrade(), g.hasOccurredAt() ? ProtoMapping.instant(g.getOccurredAt()) : null));
        return true;
    }

    @Override
    protected void onQuiet() {
        enforcement.gradesConnected(true);
        if (!enforcement.gradesCaughtUp()) {
            enforcement.markGradesCaughtUp();
            log.info("Enforcement index caught up with the grade-change feed at sequence {}", enforcement.gradeSequence());
        }
    }

    @Override
    protected void onDisconnected() {
        enforcement.gradesConnected(false);
    }
}
