package credit.platform.scoring.score.adapter.grpc;

import com.google.protobuf.Timestamp;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.web.FieldViolation;
import credit.platform.scoring.score.domain.GradeChange;
import credit.platform.scoring.score.domain.GradeChanges;
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
import credit.scoring.v1.WatchGradeChangesRequest;
import credit.scoring.v1.WatchGradeChangesResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * gRPC: {@code GetScore} (now, or as of an instant from the history), {@code BatchGetScores} and
 * {@code WatchGradeChanges} (every grade change after {@code from_sequence}, then live ones, polled
 * from the stored feed).
 */
@Service
class ScoringGrpcService extends ScoringServiceGrpc.ScoringServiceImplBase {

    static final int MAX_BATCH = 500;
    private static final long POLL_MILLIS = 200;

    private final ScoreSubject scoreSubject;
    private final GradeChanges gradeChanges;

    ScoringGrpcService(ScoreSubject scoreSubject, GradeChanges gradeChanges) {
        this.scoreSubject = scoreSubject;
        this.gradeChanges = gradeChanges;
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
        ServerCallStreamObserver<WatchGradeChangesResponse> call =
                (ServerCallStreamObserver<WatchGradeChangesResponse>) response;
        long sequence = Math.max(0, request.getFromSequence());
        try {
            while (!call.isCancelled()) {
                List<GradeChange> changes = gradeChanges.after(sequence, 500);
                for (GradeChange c : changes) {
                    call.onNext(WatchGradeChangesResponse.newBuilder()
                            .setSequence(c.sequence())
                            .setSubjectId(c.subjectId())
                            .setModelId(c.modelId())
                            .setModelVersion(c.modelVersion())
                            .setPreviousGrade(c.previousGrade())
                            .setGrade(c.grade())
                            .setOccurredAt(timestamp(c.occurredAt()))
                            .setCause(c.cause() == null ? "" : c.cause())
                            .build());
                    sequence = c.sequence();
                }
                if (changes.isEmpty()) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.onError(Status.CANCELLED.withDescription("server stopping").asRuntimeException());
        } catch (StatusRuntimeException e) {
            // The caller went away.
        } catch (RuntimeException e) {
            if (!call.isCancelled()) {
                response.onError(Status.UNAVAILABLE.withDescription("grade changes could not be read; "
                        + "reconnect from the last sequence received").asRuntimeException());
            }
        }
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
