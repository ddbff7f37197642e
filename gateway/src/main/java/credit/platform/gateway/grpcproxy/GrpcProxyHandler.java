package credit.platform.gateway.grpcproxy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import credit.platform.gateway.audit.TravelCheckAudit;
import credit.platform.gateway.audit.domain.TravelAnswer;
import credit.platform.gateway.security.Callers;
import credit.platform.gateway.security.RouteScopes;
import credit.platform.gateway.traffic.ClientBudgets;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Passes one sanctions RPC through, as bytes, after the same checks as the REST front door:
 * a bearer token the gateway's decoder accepts (signature, issuer, audience, expiry), the scope the
 * contract's {@code required_scope} names (or {@code platform.admin}), and the client's request
 * budget (one request per message). Refused calls reach no service. An allowed call is forwarded
 * with the caller's own token (the service checks it again), the caller's deadline (or the default
 * one) and cancellation, message by message with flow control both ways. A circuit breaker answers
 * UNAVAILABLE at once while the service is failing. Travel-check answers go to the audit on their
 * way back: DENY subjects recorded, ALLOWs counted; an answer whose DENY cannot be recorded is
 * withheld.
 */
final class GrpcProxyHandler implements ServerCallHandler<byte[], byte[]> {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** The gateway's own token for the service (platform-common's {@code GatewayRelay.METADATA_KEY}). */
    static final Metadata.Key<String> RELAY = Metadata.Key.of("x-credit-gateway", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> RETRY_AFTER = Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER);
    private static final Duration DECODE_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(GrpcProxyHandler.class);

    private final ProxiedMethods.ProxiedMethod method;
    private final Channel upstream;
    private final ReactiveJwtDecoder decoder;
    private final ClientBudgets budgets;
    private final CircuitBreaker breaker;
    private final TravelCheckAudit audit;
    private final Duration defaultDeadline;
    private final ObservationRegistry observations;
    private final Supplier<String> relayToken;

    /**
     * @param relayToken the gateway's own token, sent upstream in {@link #RELAY} beside the caller's
     *                   (the service serves outside callers only as relayed by the gateway)
     */
    GrpcProxyHandler(ProxiedMethods.ProxiedMethod method, Channel upstream, ReactiveJwtDecoder decoder,
            ClientBudgets budgets, CircuitBreaker breaker, TravelCheckAudit audit, Duration defaultDeadline,
            ObservationRegistry observations, Supplier<String> relayToken) {
        this.relayToken = relayToken;
        this.method = method;
        this.upstream = upstream;
        this.decoder = decoder;
        this.budgets = budgets;
        this.breaker = breaker;
        this.audit = audit;
        this.defaultDeadline = defaultDeadline;
        this.observations = observations;
    }

    @Override
    public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> serverCall, Metadata headers) {
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            return refuse(serverCall, Status.UNAUTHENTICATED.withDescription("A bearer token is required."));
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(authorization.substring(7).strip()).block(DECODE_TIMEOUT);
        } catch (BadJwtException e) {
            return refuse(serverCall, Status.UNAUTHENTICATED.withDescription(
                    "The bearer token is invalid, expired or not meant for this platform."));
        } catch (RuntimeException e) {
            log.warn("gRPC call refused: token keys unavailable ({})", e.getClass().getSimpleName());
            return refuse(serverCall, Status.UNAVAILABLE.withDescription(
                    "The authorization server's keys could not be fetched; try again later."));
        }
        if (jwt == null) {
            return refuse(serverCall, Status.UNAUTHENTICATED.withDescription("The bearer token could not be read."));
        }
        if (method.scope().isEmpty()) {
            return refuse(serverCall, Status.PERMISSION_DENIED.withDescription(
                    method.fullName() + " declares no required_scope, so nobody may call it."));
        }
        List<String> scopes = scopes(jwt);
        if (!scopes.contains(method.scope().get()) && !scopes.contains(RouteScopes.ADMIN_SCOPE)) {
            return refuse(serverCall, Status.PERMISSION_DENIED.withDescription(
                    "The token's scopes do not allow " + method.fullName() + " (needs " + method.scope().get() + ")."));
        }
        Deadline deadline = Optional.ofNullable(Context.current().getDeadline())
                .orElseGet(() -> Deadline.after(defaultDeadline.toMillis(), TimeUnit.MILLISECONDS));
        Metadata forwarded = new Metadata();
        forwarded.put(AUTHORIZATION, authorization);
        try {
            forwarded.put(RELAY, "Bearer " + relayToken.get());
        } catch (RuntimeException e) {
            log.warn("gRPC call refused: the gateway's own token is unavailable ({})", e.getClass().getSimpleName());
            return refuse(serverCall, Status.UNAVAILABLE.withDescription(
                    "The gateway could not obtain its own token from the authorization server; try again later."));
        }
        return new ProxiedCall(serverCall, Callers.of(jwt), forwarded, CallOptions.DEFAULT.withDeadline(deadline))
                .start();
    }

    private static List<String> scopes(Jwt jwt) {
        String scope = jwt.getClaimAsString("scope");
        return scope == null ? List.of() : Arrays.asList(scope.split(" "));
    }

    private static <T> ServerCall.Listener<T> refuse(ServerCall<?, ?> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    /** One call in flight: the caller's side, the service's side, and the flow between them. */
    private final class ProxiedCall {

        private final Object lock = new Object();
        private final ServerCall<byte[], byte[]> serverCall;
        private final Callers.Caller caller;
        private final Metadata forwardedHeaders;
        private final CallOptions options;
        private final TravelAnswerReader travel;
        private ClientCall<byte[], byte[]> clientCall;
        private boolean closed;
        private boolean answerHeadersSeen;
        private boolean serverRequestPending;
        private boolean clientRequestPending;
        private long startedNanos;
        /** The call's server observation (current while the call starts), parent of the call to sanctions. */
        private final Observation observation;

        ProxiedCall(ServerCall<byte[], byte[]> serverCall, Callers.Caller caller, Metadata forwardedHeaders,
                CallOptions options) {
            this.observation = observations.getCurrentObservation();
            this.serverCall = serverCall;
            this.caller = caller;
            this.forwardedHeaders = forwardedHeaders;
            this.options = options;
            this.travel = method.travelCheck() ? new TravelAnswerReader(method.fullName()) : null;
        }

        ServerCall.Listener<byte[]> start() {
            serverCall.request(1);
            return new ServerCall.Listener<>() {
                @Override
                public void onMessage(byte[] message) {
                    synchronized (lock) {
                        if (closed) {
                            return;
                        }
                        Optional<ClientBudgets.OverBudget> over = budgets.take(method.budget(), caller.budgetKey());
                        if (over.isPresent()) {
                            overBudget(over.get());
                            return;
                        }
                        if (!startUpstream()) {
                            return;
                        }
                        if (travel != null) {
                            travel.request(message);
                        }
                        clientCall.sendMessage(message);
                        if (clientCall.isReady()) {
                            serverCall.request(1);
                        } else {
                            serverRequestPending = true;
                        }
                    }
                }

                @Override
                public void onHalfClose() {
                    synchronized (lock) {
                        if (!closed && startUpstream()) {
                            clientCall.halfClose();
                        }
                    }
                }

                @Override
                public void onCancel() {
                    synchronized (lock) {
                        closed = true;
                        if (clientCall != null) {
                            clientCall.cancel("the caller cancelled the call", null);
                        }
                    }
                }

                @Override
                public void onReady() {
                    synchronized (lock) {
                        if (clientRequestPending && clientCall != null) {
                            clientRequestPending = false;
                            clientCall.request(1);
                        }
                    }
                }
            };
        }

        /** Opens the call to the service on the first message (so a refused call never reaches it). */
        private boolean startUpstream() {
            if (clientCall != null) {
                return true;
            }
            if (!breaker.tryAcquirePermission()) {
                closeCaller(Status.UNAVAILABLE.withDescription(
                        "The sanctions service is failing; calls are refused for a short while. Retry later."),
                        new Metadata());
                return false;
            }
            startedNanos = System.nanoTime();
            // under the call's own observation, whichever thread gets here: the client span is its child
            try (Observation.Scope scope = observation == null ? null : observation.openScope()) {
                clientCall = upstream.newCall(method.bytes(), options);
                clientCall.start(new Upstream(), forwardedHeaders);
            }
            clientCall.request(1);
            return true;
        }

        private void overBudget(ClientBudgets.OverBudget over) {
            String detail = "This client has used its request budget (" + over.budget() + "). Retry after "
                    + over.retryAfterSeconds() + " s.";
            Metadata trailers = new Metadata();
            trailers.put(RETRY_AFTER, Long.toString(over.retryAfterSeconds()));
            com.google.rpc.Status rich = com.google.rpc.Status.newBuilder()
                    .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
                    .setMessage(detail)
                    .addDetails(Any.pack(RetryInfo.newBuilder()
                            .setRetryDelay(com.google.protobuf.Duration.newBuilder().setSeconds(over.retryAfterSeconds()))
                            .build()))
                    .build();
            var exception = StatusProto.toStatusRuntimeException(rich, trailers);
            if (clientCall != null) {
                clientCall.cancel("the caller is over its request budget", null);
            }
            closeCaller(exception.getStatus(), exception.getTrailers());
        }

        private void closeCaller(Status status, Metadata trailers) {
            if (!closed) {
                closed = true;
                serverCall.close(status, trailers);
            }
        }

        /** The service's side: answers flow back to the caller as the caller can take them. */
        private final class Upstream extends ClientCall.Listener<byte[]> {

            @Override
            public void onHeaders(Metadata headers) {
                synchronized (lock) {
                    answerHeadersSeen = true;
                    if (!closed) {
                        serverCall.sendHeaders(headers);
                    }
                }
            }

            @Override
            public void onMessage(byte[] message) {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    if (travel != null && !recorded(travel.answer(message))) {
                        clientCall.cancel("the answer could not be recorded in the audit log", null);
                        closeCaller(Status.UNAVAILABLE.withDescription("The travel check could not be recorded in "
                                + "the audit log, so its answer is withheld. Try again later."), new Metadata());
                        return;
                    }
                    serverCall.sendMessage(message);
                    if (serverCall.isReady()) {
                        clientCall.request(1);
                    } else {
                        clientRequestPending = true;
                    }
                }
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                synchronized (lock) {
                    long elapsed = System.nanoTime() - startedNanos;
                    boolean serviceTrouble = status.getCode() == Status.Code.UNAVAILABLE
                            || status.getCode() == Status.Code.DEADLINE_EXCEEDED && !answerHeadersSeen;
                    if (serviceTrouble) {
                        breaker.onError(elapsed, TimeUnit.NANOSECONDS, new StatusException(status));
                    } else {
                        breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                    }
                    if (status.getCode() == Status.Code.UNAVAILABLE && !answerHeadersSeen) {
                        closeCaller(Status.UNAVAILABLE.withDescription("The sanctions service cannot be reached."),
                                new Metadata());
                    } else {
                        closeCaller(status, trailers);
                    }
                }
            }

            @Override
            public void onReady() {
                synchronized (lock) {
                    if (serverRequestPending && !closed) {
                        serverRequestPending = false;
                        serverCall.request(1);
                    }
                }
            }
        }

        private boolean recorded(List<TravelAnswer> answers) {
            try {
                // the audit log bounds the wait itself (queue, store timeout, read-back) and reports the
                // true outcome; this is only a backstop well beyond those bounds
                audit.record(caller.clientId(), caller.agency(), "GRPC", method.fullName(), 200, answers)
                        .block(Duration.ofSeconds(30));
                return true;
            } catch (RuntimeException e) {
                log.warn("travel check answer of client {} withheld: audit append failed ({})", caller.clientId(),
                        e.getClass().getSimpleName());
                return false;
            }
        }
    }
}
