package credit.platform.scoring.score.adapter.grpc;

import com.google.protobuf.Timestamp;
import credit.common.v1.FeedCaughtUp;
import credit.common.v1.FeedResnapshotRequired;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.feed.server.FeedEntry;
import credit.platform.feed.server.FeedWatch;
import credit.platform.feed.server.Outbox;
import credit.platform.scoring.score.adapter.feed.GradeFeed;
import credit.platform.common.web.FieldViolation;
import credit.platform.scoring.score.domain.ModelNotApplicableException;
import credit.platform.scoring.score.domain.NoScoreOnRecordException;
import credit.platform.scoring.score.domain.Score;
import credit.platform.scoring.score.domain.ScoreSubject;
import credit.platform.scoring.score.domain.SourceUnavailableException;
import credit.platform.scoring.score.domain.SubjectNotFoundException;
import credit.platform.scoring.score.domain.UnknownModelException;
import credit.scoring.v1.BatchGetScoresRequest;
import credit.scoring.v1.BatchGetScoresResponse;
import credit.scoring.v1.Contribution;
import credit.scoring.v1.GetScoreRequest;
import credit.scoring.v1.GetScoreResponse;
import credit.scoring.v1.ScoreFailure;
import credit.scoring.v1.ScoringServiceGrpc;
import credit.scoring.v1.SnapshotGradesRequest;
import credit.scoring.v1.SnapshotGradesResponse;
import credit.scoring.v1.SubjectGrade;
import credit.scoring.v1.WatchGradeChangesRequest;
import credit.scoring.v1.WatchGradeChangesResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * gRPC: {@code GetScore} (now, or as of an instant from the history), {@code BatchGetScores}, and the
 * grade-change feed on the platform's change-feed component: {@code WatchGradeChanges} (every grade
 * change after the consumer's position, then live ones) and {@code SnapshotGrades}.
 */
@Service
class ScoringGrpcService extends ScoringServiceGrpc.ScoringServiceImplBase {

    static final int MAX_BATCH = 500;

    private final ScoreSubject scoreSubject;
    private final GradeFeed feed;
    private final FeedWatch<WatchGradeChangesResponse> watch;

    ScoringGrpcService(ScoreSubject scoreSubject, GradeFeed feed) {
        this.scoreSubject = scoreSubject;
        this.feed = feed;
        this.watch = new FeedWatch<>(feed.log(), new FeedWatch.Messages<>() {
            @Override
            public WatchGradeChangesResponse change(FeedEntry entry) {
                return toProto(entry);
            }

            @Override
            public WatchGradeChangesResponse resnapshotRequired(long oldestRetainedSequence) {
                return WatchGradeChangesResponse.newBuilder().setResnapshotRequired(FeedResnapshotRequired.newBuilder()
                        .setOldestRetainedSequence(oldestRetainedSequence)).build();
            }

            @Override
            public WatchGradeChangesResponse caughtUp(long head) {
                return WatchGradeChangesResponse.newBuilder().setCaughtUp(FeedCaughtUp.newBuilder().setHeadSequence(head))
                        .build();
            }
        }, FeedWatch.Settings.DEFAULT);
    }

    @Override
    public void getScore(GetScoreRequest request, StreamObserver<GetScoreResponse> response) {
        respond(response, () -> {
            if (request.getSubjectId().isBlank()) {
                throw GrpcStatuses.invalidArgument(List.of(
                        new FieldViolation("subject_id", "required", "the subject id is required")));
            }
            Score score = request.hasAsOf()
                    ? scoreSubject.scoreAsOf(request.getSubjectId(), request.getModelId(), instant(request.getAsOf()))
                    : scoreSubject.score(request.getSubjectId(), request.getModelId());
            return GetScoreResponse.newBuilder().setScore(toProto(score)).build();
        });
    }

    @Override
    public void batchGetScores(BatchGetScoresRequest request, StreamObserver<BatchGetScoresResponse> response) {
        respond(response, () -> {
            if (request.getSubjectIdsCount() == 0 || request.getSubjectIdsCount() > MAX_BATCH) {
                throw GrpcStatuses.invalidArgument(List.of(new FieldViolation("subject_ids", "size",
                        "between 1 and " + MAX_BATCH + " subject ids")));
            }
            BatchGetScoresResponse.Builder b = BatchGetScoresResponse.newBuilder();
            for (String subjectId : request.getSubjectIdsList()) {
                try {
                    Score score = request.hasAsOf()
                            ? scoreSubject.scoreAsOf(subjectId, request.getModelId(), instant(request.getAsOf()))
                            : scoreSubject.score(subjectId, request.getModelId());
                    b.addScores(toProto(score));
                } catch (SubjectNotFoundException e) {
                    b.addFailures(ScoreFailure.newBuilder().setSubjectId(subjectId).setReason("subject-not-found"));
                } catch (ModelNotApplicableException e) {
                    b.addFailures(ScoreFailure.newBuilder().setSubjectId(subjectId).setReason("model-not-applicable"));
                } catch (NoScoreOnRecordException e) {
                    b.addFailures(ScoreFailure.newBuilder().setSubjectId(subjectId).setReason("no-score-on-record"));
                }
            }
            return b.build();
        });
    }

    @Override
    public void watchGradeChanges(WatchGradeChangesRequest request,
            StreamObserver<WatchGradeChangesResponse> response) {
        watch.serve(request.getFromSequence(), request.getCaughtUpMarkers(), response);
    }

    @Override
    public void snapshotGrades(SnapshotGradesRequest request, StreamObserver<SnapshotGradesResponse> response) {
        long at = feed.log().head();
        Outbox.snapshot(feed.log(), feed.current(), at,
                d -> grade(d.getString("subjectId"), d.getString("modelId"), d.get("modelVersion"), d.getString("grade"),
                        d.getDate("computedAt")),
                e -> grade(e.body().getString("subjectId"), e.body().getString("modelId"), e.body().get("version"),
                        e.body().getString("grade"), e.body().getDate("occurredAt")),
                d -> d.getString("_id"),
                g -> response.onNext(SnapshotGradesResponse.newBuilder().setGrade(g).build()));
        response.onNext(SnapshotGradesResponse.newBuilder().setAtSequence(at).build());
        response.onCompleted();
    }

    private static Optional<SubjectGrade> grade(String subjectId, String modelId, Object version, String grade,
            java.util.Date since) {
        if (grade == null || grade.isEmpty()) {
            return Optional.empty();
        }
        SubjectGrade.Builder b = SubjectGrade.newBuilder().setSubjectId(subjectId).setModelId(modelId)
                .setModelVersion(((Number) version).intValue()).setGrade(grade);
        if (since != null) {
            b.setSince(timestamp(since.toInstant()));
        }
        return Optional.of(b.build());
    }

    /** Ends every watch cleanly before the gRPC server stops, so consumers reconnect elsewhere at once. */
    @EventListener(ContextClosedEvent.class)
    void closeWatches() {
        watch.close();
    }

    static WatchGradeChangesResponse toProto(FeedEntry e) {
        Document d = e.body();
        return WatchGradeChangesResponse.newBuilder()
                .setSequence(e.sequence())
                .setSubjectId(d.getString("subjectId"))
                .setModelId(d.getString("modelId"))
                .setModelVersion(((Number) d.get("version")).intValue())
                .setPreviousGrade(String.valueOf(d.getString("previousGrade") == null ? "" : d.getString("previousGrade")))
                .setGrade(d.getString("grade"))
                .setOccurredAt(timestamp(e.occurredAt()))
                .setCause(d.getString("cause") == null ? "" : d.getString("cause"))
                .build();
    }

    static credit.scoring.v1.Score toProto(Score s) {
        credit.scoring.v1.Score.Builder b = credit.scoring.v1.Score.newBuilder()
                .setSubjectId(s.subjectId())
                .setModelId(s.modelId())
                .setModelVersion(s.modelVersion())
                .setBasePoints(s.basePoints())
                .setPoints(s.points())
                .setGrade(s.grade())
                .setComputedAt(timestamp(s.computedAt()));
        s.contributions().forEach(c -> b.addContributions(Contribution.newBuilder()
                .setRuleId(c.ruleId())
                .setSourceRef(c.sourceRef())
                .setPoints(c.points())
                .setDescription(c.description())));
        return b.build();
    }

    private static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static <T> void respond(StreamObserver<T> response, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (UnknownModelException e) {
            response.onError(GrpcStatuses.invalidArgument(List.of(
                    new FieldViolation("model_id", "known-model", e.getMessage()))));
            return;
        } catch (SubjectNotFoundException | NoScoreOnRecordException e) {
            response.onError(Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (ModelNotApplicableException e) {
            response.onError(Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (SourceUnavailableException e) {
            response.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
