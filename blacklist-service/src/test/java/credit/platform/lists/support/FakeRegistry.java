package credit.platform.lists.support;

import credit.common.v1.Identifier;
import credit.platform.common.grpc.GrpcStatuses;
import credit.platform.common.web.FieldViolation;
import credit.registry.v1.RegisterSubjectRequest;
import credit.registry.v1.RegisterSubjectResponse;
import credit.registry.v1.RegistryServiceGrpc;
import credit.registry.v1.Subject;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for registry-service in this module's tests (the system tests run the real one): a real
 * gRPC server on a free port serving {@code RegisterSubject} as the contract says (register-or-get,
 * normalised identifiers, INVALID_ARGUMENT with field violations). It records the bearer token each
 * call carried, and can be told to fail as if the registry were down.
 */
public final class FakeRegistry extends RegistryServiceGrpc.RegistryServiceImplBase {

    /** A resident ID the fake rejects like the real registry: wrong check character. */
    public static final String BAD_CHECK_CHARACTER = "110105194912310021";

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Map<String, String> subjectIds = new ConcurrentHashMap<>();
    private final Map<String, com.google.protobuf.Timestamp> birthDates = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String lastAuthorization;
    private volatile Status failure;
    private Server server;

    public FakeRegistry start(int port) {
        ServerInterceptor captureToken = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                lastAuthorization = headers.get(AUTHORIZATION);
                return next.startCall(call, headers);
            }
        };
        try {
            server = ServerBuilder.forPort(port).addService(ServerInterceptors.intercept(this, captureToken)).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public int port() {
        return server.getPort();
    }

    public void stop() {
        server.shutdownNow();
    }

    /** Every call fails with this status (e.g. UNAVAILABLE) until {@link #reset()}. */
    public void failWith(Status status) {
        failure = status;
    }

    public void reset() {
        failure = null;
        calls.set(0);
        lastAuthorization = null;
    }

    public int calls() {
        return calls.get();
    }

    public String lastAuthorization() {
        return lastAuthorization;
    }

    @Override
    public void registerSubject(RegisterSubjectRequest request, StreamObserver<RegisterSubjectResponse> response) {
        calls.incrementAndGet();
        if (failure != null) {
            response.onError(failure.asRuntimeException());
            return;
        }
        String value = request.getIdentifier().getValue().replace("-", "").strip().toUpperCase();
        if (value.equals(BAD_CHECK_CHARACTER)) {
            response.onError(GrpcStatuses.invalidArgument(List.of(
                    new FieldViolation("identifier.value", "check-character", "check character is 1, expected X"))));
            return;
        }
        String key = key(request.getIdentifier().getScheme(), value, request.getIdentifier().getIssuingCountry());
        boolean[] created = {false};
        String id = subjectIds.computeIfAbsent(key, k -> {
            created[0] = true;
            if (request.hasBirthDate()) {
                birthDates.put(k, request.getBirthDate());
            }
            return UUID.randomUUID().toString();
        });
        Subject.Builder subject = Subject.newBuilder().setSubjectId(id).setKind(request.getKind())
                .setName(request.getName()).addIdentifiers(Identifier.newBuilder(request.getIdentifier()).setValue(value));
        if (birthDates.containsKey(key)) {
            subject.setBirthDate(birthDates.get(key));
        }
        response.onNext(RegisterSubjectResponse.newBuilder().setSubject(subject).setCreated(created[0]).build());
        response.onCompleted();
    }

    private static String key(credit.common.v1.IdentifierScheme scheme, String value, String country) {
        return scheme + ":" + country.toUpperCase() + ":" + value;
    }

    /** A person the registry already holds, with the birth date it holds for them. */
    public FakeRegistry holds(credit.common.v1.IdentifierScheme scheme, String value, String country,
            java.time.LocalDate birthDate) {
        String key = key(scheme, value, country);
        subjectIds.put(key, UUID.randomUUID().toString());
        birthDates.put(key, com.google.protobuf.Timestamp.newBuilder()
                .setSeconds(birthDate.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toEpochSecond()).build());
        return this;
    }

    @Override
    public void resolveIdentifier(credit.registry.v1.ResolveIdentifierRequest request,
            StreamObserver<credit.registry.v1.ResolveIdentifierResponse> response) {
        calls.incrementAndGet();
        if (failure != null) {
            response.onError(failure.asRuntimeException());
            return;
        }
        String value = request.getIdentifier().getValue().replace("-", "").strip().toUpperCase();
        String key = key(request.getIdentifier().getScheme(), value, request.getIdentifier().getIssuingCountry());
        String id = subjectIds.get(key);
        if (id == null) {
            response.onError(Status.NOT_FOUND.withDescription("nobody holds this identifier").asRuntimeException());
            return;
        }
        Subject.Builder subject = Subject.newBuilder().setSubjectId(id)
                .addIdentifiers(Identifier.newBuilder(request.getIdentifier()).setValue(value));
        if (birthDates.containsKey(key)) {
            subject.setBirthDate(birthDates.get(key));
        }
        response.onNext(credit.registry.v1.ResolveIdentifierResponse.newBuilder().setSubject(subject).build());
        response.onCompleted();
    }
}
