package credit.platform.sanctions.enforcement.adapter.grpc;

import com.google.protobuf.Timestamp;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.web.FieldViolation;
import credit.platform.sanctions.enforcement.domain.AppliedMeasure;
import credit.platform.sanctions.enforcement.domain.CheckEligibility;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.sanctions.enforcement.domain.IndexNotCurrentException;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import credit.sanctions.v1.AsOf;
import credit.sanctions.v1.CheckEligibilityRequest;
import credit.sanctions.v1.CheckEligibilityResponse;
import credit.sanctions.v1.DenyReason;
import credit.sanctions.v1.EligibilityServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** gRPC eligibility: the measures and rewards in force for a subject at an instant. */
@Service
class EligibilityGrpcService extends EligibilityServiceGrpc.EligibilityServiceImplBase {

    private final CheckEligibility eligibility;
    private final java.time.Clock clock;

    EligibilityGrpcService(CheckEligibility eligibility, java.time.Clock clock) {
        this.eligibility = eligibility;
        this.clock = clock;
    }

    @Override
    public void checkEligibility(CheckEligibilityRequest request, StreamObserver<CheckEligibilityResponse> response) {
        IdentifierScheme scheme = switch (request.getSubject().getScheme()) {
            case IDENTIFIER_SCHEME_RESIDENT_ID -> IdentifierScheme.RESIDENT_ID;
            case IDENTIFIER_SCHEME_PASSPORT -> IdentifierScheme.PASSPORT;
            case IDENTIFIER_SCHEME_FOREIGN_PERMANENT_RESIDENT_ID -> IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID;
            case IDENTIFIER_SCHEME_USCC -> IdentifierScheme.USCC;
            default -> null;
        };
        if (scheme == null || request.getSubject().getValue().isBlank()) {
            response.onError(GrpcStatuses.invalidArgument(List.of(new FieldViolation("subject", "required",
                    "subject needs a scheme and a value"))));
            return;
        }
        SubjectKey subject;
        try {
            subject = SubjectKey.parse(scheme, request.getSubject().getValue(), request.getSubject().getIssuingCountry(),
                    credit.platform.identifiers.ChinaTime.today(clock));
        } catch (credit.platform.identifiers.InvalidIdentifierException e) {
            response.onError(GrpcStatuses.invalidArgument(List.of(new FieldViolation(
                    "issuingCountry".equals(e.field()) ? "subject.issuing_country" : "subject.value", e.rule(),
                    e.getMessage()))));
            return;
        }
        Instant at = request.hasAsOf()
                ? Instant.ofEpochSecond(request.getAsOf().getSeconds(), request.getAsOf().getNanos()) : null;
        CheckEligibility.Result result;
        try {
            result = eligibility.check(subject, at);
        } catch (IndexNotCurrentException e) {
            response.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        CheckEligibilityResponse.Builder b = CheckEligibilityResponse.newBuilder()
                .setAsOf(AsOf.newBuilder().setSequence(result.asOf().sequence())
                        .setTime(Timestamp.newBuilder().setSeconds(result.asOf().time().getEpochSecond()))
                        .setStale(result.asOf().stale()));
        result.sanctions().forEach(m -> b.addMeasures(proto(m)));
        result.rewards().forEach(m -> b.addRewards(proto(m)));
        response.onNext(b.build());
        response.onCompleted();
    }

    private static DenyReason proto(AppliedMeasure m) {
        return DenyReason.newBuilder().setCode(m.code()).setMeasure(m.measure()).setAuthority(m.authority())
                .setRecordRef(m.recordRef()).setAppeal(m.appeal()).setCapacity(m.capacity()).build();
    }
}
