package credit.platform.sanctions.travel.adapter.grpc;

import com.google.protobuf.Timestamp;
import com.google.protobuf.UnsafeByteOperations;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.web.FieldViolation;
import credit.platform.sanctions.enforcement.domain.IndexNotCurrentException;
import credit.platform.sanctions.travel.domain.CheckTravel;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.sanctions.travel.domain.InvalidTravelCheckException;
import credit.platform.sanctions.travel.domain.Reason;
import credit.platform.sanctions.travel.domain.ServiceClass;
import credit.platform.sanctions.travel.domain.TravelCheck;
import credit.platform.sanctions.travel.domain.TravelCheckResult;
import credit.platform.sanctions.travel.domain.TravelMode;
import credit.sanctions.v1.AsOf;
import credit.sanctions.v1.BatchCheckTravelRequest;
import credit.sanctions.v1.BatchCheckTravelResponse;
import credit.sanctions.v1.CheckTravelRequest;
import credit.sanctions.v1.CheckTravelResponse;
import credit.sanctions.v1.Decision;
import credit.sanctions.v1.DenyReason;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/**
 * gRPC travel checks, same semantics as REST: one, a batch (one result per passenger, in request
 * order), or a bidirectional stream (one response per request, in order). Errors: INVALID_ARGUMENT
 * naming the field; UNAVAILABLE while the index is not current (fail closed). On a stream an error
 * ends the stream; the responses before it stand.
 */
@Service
public class TravelCheckGrpcService extends TravelCheckServiceGrpc.TravelCheckServiceImplBase {

    static final int MAX_BATCH = 10_000;

    private final CheckTravel checkTravel;

    public TravelCheckGrpcService(CheckTravel checkTravel) {
        this.checkTravel = checkTravel;
    }

    @Override
    public void checkTravel(CheckTravelRequest request, StreamObserver<CheckTravelResponse> response) {
        String client = client();
        CompletableFuture<TravelCheckResult> answer;
        try {
            answer = checkTravel.checkAsync(fromProto(request, checkTravel.today()), client);
        } catch (RuntimeException e) {
            response.onError(toStatus(e));
            return;
        }
        // Completes on the receipt-signing thread once this answer's group is signed.
        answer.whenComplete((result, failure) -> {
            if (failure != null) {
                response.onError(toStatus(unwrap(failure)));
            } else {
                response.onNext(toProto(result));
                response.onCompleted();
            }
        });
    }

    @Override
    public void batchCheckTravel(BatchCheckTravelRequest request, StreamObserver<BatchCheckTravelResponse> response) {
        String client = client();
        respond(response, () -> {
            if (request.getChecksCount() == 0 || request.getChecksCount() > MAX_BATCH) {
                throw new InvalidTravelCheckException(List.of(new credit.platform.sanctions.travel.domain.Violation(
                        "checks", "size", "a batch holds 1 to " + MAX_BATCH + " checks")));
            }
            List<TravelCheck> checks = new ArrayList<>(request.getChecksCount());
            for (int i = 0; i < request.getChecksCount(); i++) {
                try {
                    checks.add(fromProto(request.getChecks(i), checkTravel.today()));
                } catch (InvalidTravelCheckException e) {
                    throw e.prefixed("checks[" + i + "].");
                }
            }
            CheckTravel.Batch batch = checkTravel.checkBatch(checks, client, request.getSelfContainedReceipts());
            BatchCheckTravelResponse.Builder out = BatchCheckTravelResponse.newBuilder().setReceipt(batch.receipt());
            List<TravelCheckResult> results = batch.results();
            for (int i = 0; i < results.size(); i++) {
                CheckTravelResponse.Builder one = toProtoBuilder(results.get(i));
                if (!batch.proofs().isEmpty()) {
                    CheckTravel.Proof proof = batch.proofs().get(i);
                    // the arrays are fresh per answer and never written again: wrapped, not copied
                    one.setReceiptDecision(UnsafeByteOperations.unsafeWrap(proof.decision()))
                            .setReceiptIndex(proof.index())
                            .setReceiptProof(UnsafeByteOperations.unsafeWrap(proof.siblings()));
                }
                out.addResults(one);
            }
            return out.build();
        });
    }

    @Override
    public StreamObserver<CheckTravelRequest> streamCheckTravel(StreamObserver<CheckTravelResponse> response) {
        String client = client();
        return new StreamObserver<>() {
            /** Every send goes through this chain: answers leave in request order, never concurrently. */
            private CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
            private boolean failed;
            private volatile boolean closed;

            @Override
            public synchronized void onNext(CheckTravelRequest request) {
                // Each message is decided at once; its answer waits for its receipt, which is signed
                // together with the other answers waiting at that moment (this stream's and others').
                if (failed) {
                    return;
                }
                CompletableFuture<TravelCheckResult> answer;
                try {
                    answer = checkTravel.checkAsync(fromProto(request, checkTravel.today()), client);
                } catch (RuntimeException e) {
                    failed = true;
                    sent = sent.thenRun(() -> fail(e));
                    return;
                }
                sent = sent.thenCombine(answer.handle((result, failure) -> failure == null ? result : failure),
                        (ignored, outcome) -> {
                            if (outcome instanceof TravelCheckResult result) {
                                if (!closed) {
                                    response.onNext(toProto(result));
                                }
                            } else {
                                fail(unwrap((Throwable) outcome));
                            }
                            return null;
                        });
            }

            private void fail(RuntimeException e) {
                if (!closed) {
                    closed = true;
                    response.onError(toStatus(e));
                }
            }

            @Override
            public synchronized void onError(Throwable t) {
                failed = true;
                closed = true; // cancelled by the client: nothing more is sent
            }

            @Override
            public synchronized void onCompleted() {
                if (!failed) {
                    sent = sent.thenRun(() -> {
                        if (!closed) {
                            closed = true;
                            response.onCompleted();
                        }
                    });
                }
            }
        };
    }

    private static RuntimeException unwrap(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    private static String client() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt) {
            String azp = jwt.getClaimAsString("azp");
            return azp != null ? azp : jwt.getSubject();
        }
        return auth == null ? "unknown" : auth.getName();
    }

    /** @param today today in China (for "born in the future") */
    public static TravelCheck fromProto(CheckTravelRequest r, java.time.LocalDate today) {
        IdentifierScheme scheme = switch (r.getDocument().getScheme()) {
            case IDENTIFIER_SCHEME_RESIDENT_ID -> IdentifierScheme.RESIDENT_ID;
            case IDENTIFIER_SCHEME_PASSPORT -> IdentifierScheme.PASSPORT;
            case IDENTIFIER_SCHEME_FOREIGN_PERMANENT_RESIDENT_ID -> IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID;
            case IDENTIFIER_SCHEME_USCC -> IdentifierScheme.USCC;
            default -> null;
        };
        TravelMode mode = switch (r.getMode()) {
            case TRAVEL_MODE_AIR -> TravelMode.AIR;
            case TRAVEL_MODE_RAIL -> TravelMode.RAIL;
            case TRAVEL_MODE_SHIP -> TravelMode.SHIP;
            default -> null;
        };
        ServiceClass serviceClass = switch (r.getServiceClass()) {
            case SERVICE_CLASS_UNSPECIFIED, UNRECOGNIZED -> null;
            default -> ServiceClass.valueOf(r.getServiceClass().name().substring("SERVICE_CLASS_".length()));
        };
        Instant departure = r.hasDeparture()
                ? Instant.ofEpochSecond(r.getDeparture().getSeconds(), r.getDeparture().getNanos()) : null;
        return TravelCheck.of(r.getPassengerRef(), scheme, r.getDocument().getValue(),
                r.getDocument().getIssuingCountry(), mode, serviceClass, r.getTrainNumber(), departure, today);
    }

    public static CheckTravelResponse toProto(TravelCheckResult r) {
        return toProtoBuilder(r).build();
    }

    static CheckTravelResponse.Builder toProtoBuilder(TravelCheckResult r) {
        CheckTravelResponse.Builder b = CheckTravelResponse.newBuilder()
                .setPassengerRef(r.passengerRef())
                .setDecision(r.denied() ? Decision.DECISION_DENY : Decision.DECISION_ALLOW)
                .setDecisionId(r.decisionId())
                .setAsOf(AsOf.newBuilder().setSequence(r.asOf().sequence()).setTime(timestamp(r.asOf().time()))
                        .setStale(r.asOf().stale()))
                // The receipt (≈ 1.3 kB, ASCII by construction: JWS, base64url, digits, '~', ':') as its
                // bytes: protobuf then sizes and writes it by copying, instead of measuring and encoding
                // the text character by character (2.7 % of sanctions' CPU per direct check in the
                // profile, docs/benchmarks.md). The same field, the same bytes on the wire.
                .setReceiptBytes(UnsafeByteOperations.unsafeWrap(r.receipt().getBytes(StandardCharsets.UTF_8)));
        for (Reason reason : r.reasons()) {
            b.addReasons(DenyReason.newBuilder().setCode(reason.code()).setMeasure(reason.measure())
                    .setAuthority(reason.authority()).setRecordRef(reason.recordRef()).setAppeal(reason.appeal())
                    .setCapacity(reason.capacity()));
        }
        if (r.denied()) {
            Reason first = r.reasons().getFirst();
            b.setReasonCode(first.code()).setIssuingAuthority(first.authority()).setAppealChannel(first.appeal())
                    .setDecisionReference(r.decisionId());
        }
        return b;
    }

    static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static StatusRuntimeException toStatus(RuntimeException e) {
        if (e instanceof InvalidTravelCheckException invalid) {
            return GrpcStatuses.invalidArgument(invalid.violations().stream()
                    .map(v -> new FieldViolation(v.field(), v.rule(), v.message())).toList());
        }
        if (e instanceof IndexNotCurrentException notCurrent) {
            // Fail closed: never a guessed ALLOW; the caller applies its documented fallback.
            return Status.UNAVAILABLE.withDescription(notCurrent.getMessage()).asRuntimeException();
        }
        if (e instanceof StatusRuntimeException sre) {
            return sre;
        }
        return Status.INTERNAL.withDescription("The check could not be completed").asRuntimeException();
    }

    private static <T> void respond(StreamObserver<T> response, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            response.onError(toStatus(e));
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
