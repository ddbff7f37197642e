package credit.platform.scoring.score.adapter.grpc;

import com.google.protobuf.Timestamp;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.web.FieldViolation;
import credit.platform.scoring.score.domain.ModelNotApplicableException;
import credit.platform.scoring.score.domain.Score;
import credit.platform.scoring.score.domain.ScoreSubject;
import credit.platform.scoring.score.domain.SourceUnavailableException;
import credit.platform.scoring.score.domain.SubjectNotFoundException;
import credit.platform.scoring.score.domain.UnknownModelException;
import credit.scoring.v1.Contribution;
import credit.scoring.v1.GetScoreRequest;
import credit.scoring.v1.GetScoreResponse;
import credit.scoring.v1.ScoringServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * gRPC: {@code GetScore}. {@code BatchGetScores} and {@code WatchGradeChanges} are not served yet
 * (UNIMPLEMENTED, the generated default).
 */
@Service
class ScoringGrpcService extends ScoringServiceGrpc.ScoringServiceImplBase {

    private final ScoreSubject scoreSubject;

    ScoringGrpcService(ScoreSubject scoreSubject) {
        this.scoreSubject = scoreSubject;
    }

    @Override
    public void getScore(GetScoreRequest request, StreamObserver<GetScoreResponse> response) {
        respond(response, () -> {
            if (request.getSubjectId().isBlank()) {
                throw GrpcStatuses.invalidArgument(List.of(
                        new FieldViolation("subject_id", "required", "the subject id is required")));
            }
            if (request.hasAsOf()) {
                // Scores as of a past instant need the records' history; not in this slice.
                throw GrpcStatuses.invalidArgument(List.of(
                        new FieldViolation("as_of", "unsupported", "scores as of a past instant are not supported yet")));
            }
            return GetScoreResponse.newBuilder()
                    .setScore(toProto(scoreSubject.score(request.getSubjectId(), request.getModelId())))
                    .build();
        });
    }

    static credit.scoring.v1.Score toProto(Score s) {
        credit.scoring.v1.Score.Builder b = credit.scoring.v1.Score.newBuilder()
                .setSubjectId(s.subjectId())
                .setModelId(s.modelId())
                .setModelVersion(s.modelVersion())
                .setBasePoints(s.basePoints())
                .setPoints(s.points())
                .setGrade(s.grade())
                .setComputedAt(Timestamp.newBuilder().setSeconds(s.computedAt().getEpochSecond())
                        .setNanos(s.computedAt().getNano()));
        s.contributions().forEach(c -> b.addContributions(Contribution.newBuilder()
                .setRuleId(c.ruleId())
                .setSourceRef(c.sourceRef())
                .setPoints(c.points())
                .setDescription(c.description())));
        return b.build();
    }

    private static <T> void respond(StreamObserver<T> response, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (UnknownModelException e) {
            response.onError(GrpcStatuses.invalidArgument(List.of(
                    new FieldViolation("model_id", "known-model", e.getMessage()))));
            return;
        } catch (SubjectNotFoundException e) {
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
