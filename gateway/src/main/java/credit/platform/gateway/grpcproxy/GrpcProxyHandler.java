package credit.platform.gateway.grpcproxy;

import credit.platform.common.grpc.GrpcCallObservations;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import credit.platform.gateway.audit.TravelCheckAudit;
import credit.platform.gateway.audit.domain.TravelAnswer;
import credit.platform.gateway.security.CachingReactiveJwtDecoder;
import credit.platform.gateway.security.Callers;
import credit.platform.gateway.security.GatewayServiceToken;
import credit.platform.gateway.security.RouteScopes;
import credit.platform.gateway.traffic.Admission;
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
import io.micrometer.observation.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Passes one sanctions RPC through, as bytes, after the same checks as the REST front door: a bearer
 * token the gateway's decoder accepts (signature, issuer, audience, expiry — answered from the
 * validated-token cache after the first call), the scope the contract's {@code required_scope} names
 * (or {@code platform.admin}), admission to the route ({@link Admission}: RESOURCE_EXHAUSTED with a
 * retry hint at once when it is full) and the client's budget (travel checks counted in checks: a
 * batch message takes one per passenger). Refused calls reach no service and never count against its
 * circuit breaker. An allowed call is forwarded with the caller's own token (the service checks it
 * again), the caller's deadline (or the default one) and cancellation, message by message with flow
 * control both ways.
 *
 * <p>Nothing here blocks a thread: the server runs on the transport's event loops
 * ({@code directExecutor}). A token not yet in the cache is validated asynchronously (the call waits,
 * unrequested, meanwhile); a DENY answer is held until its audit entry is stored (the messages after it
 * wait behind it, in order) and withheld with UNAVAILABLE when that fails; an ALLOW is counted in
 * memory and passed on at once. The gateway's own token ({@link GatewayServiceToken}) goes upstream in
 * {@link #RELAY} beside the caller's (the service serves outside callers only as relayed by the
 * gateway); it is taken from memory, and fetched off the event loop only when it must be renewed.
 */
final class GrpcProxyHandler implements ServerCallHandler<byte[], byte[]> {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** The gateway's own token for the service (platform-common's {@code GatewayRelay.METADATA_KEY}). */
    static final Metadata.Key<String> RELAY = Metadata.Key.of("x-credit-gateway", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> RETRY_AFTER = Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER);
    private static final Logger log = LoggerFactory.getLogger(GrpcProxyHandler.class);

    private final ProxiedMethods.ProxiedMethod method;
    private final Channel upstream;
    private final CachingReactiveJwtDecoder decoder;
    private final ClientBudgets budgets;
    private final Admission admission;
    private final CircuitBreaker breaker;
    private final TravelCheckAudit audit;
    private final Duration defaultDeadline;
    private final GatewayServiceToken relayToken;
    private final GrpcCallObservations observations;

    /**
     * @param relayToken the gateway's own token, sent upstream in {@link #RELAY} beside the caller's
     */
    GrpcProxyHandler(ProxiedMethods.ProxiedMethod method, Channel upstream, CachingReactiveJwtDecoder decoder,
            ClientBudgets budgets, Admission admission, CircuitBreaker breaker, TravelCheckAudit audit,
            Duration defaultDeadline, GatewayServiceToken relayToken, GrpcCallObservations observations) {
        this.relayToken = relayToken;
        this.observations = observations;
        this.method = method;
        this.upstream = upstream;
        this.decoder = decoder;
        this.budgets = budgets;
        this.admission = admission;
        this.breaker = breaker;
        this.audit = audit;
        this.defaultDeadline = defaultDeadline;
    }

    @Override
    public ServerCall.Listener<byte[]> startCall(ServerCall<byte[], byte[]> serverCall, Metadata headers) {
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            return refuse(serverCall, Status.UNAUTHENTICATED.withDescription("A bearer token is required."));
        }
        String token = authorization.substring(7).strip();
        Deadline deadline = Optional.ofNullable(Context.current().getDeadline())
                .orElseGet(() -> Deadline.after(defaultDeadline.toMillis(), TimeUnit.MILLISECONDS));
        Metadata forwarded = new Metadata();
        forwarded.put(AUTHORIZATION, authorization);
        ProxiedCall call = new ProxiedCall(serverCall, headers, forwarded, deadline, token);
        // admission first: under overload a refusal costs no token check, no relay token, no upstream call
        call.enter();
        return call.listener();
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

    /** The {@code google.rpc.Status} trailer ({@code StatusProto}'s key), here as the bytes built once per text. */
    private static final Metadata.Key<byte[]> STATUS_DETAILS = Metadata.Key.of("grpc-status-details-bin",
            Metadata.BINARY_BYTE_MARSHALLER);
    /** Refusal texts are few (route, limits, budget): each one's rich status is serialized once. */
    private static final java.util.concurrent.ConcurrentHashMap<String, byte[]> RICH_STATUS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A status and the trailers that go with it. */
    record Closing(Status status, Metadata trailers) {
    }

    /**
     * RESOURCE_EXHAUSTED with {@code google.rpc.RetryInfo} (in {@code grpc-status-details-bin}, as
     * {@code StatusProto} writes it) and a {@code retry-after} trailer (seconds). Cheap: no exception, the
     * rich status serialized once per text.
     */
    static Closing exhausted(String detail, long retryAfterSeconds) {
        String key = retryAfterSeconds + " " + detail;
        byte[] rich = RICH_STATUS.get(key);
        if (rich == null) {
            rich = com.google.rpc.Status.newBuilder()
                    .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
                    .setMessage(detail)
                    .addDetails(Any.pack(RetryInfo.newBuilder()
                            .setRetryDelay(com.google.protobuf.Duration.newBuilder().setSeconds(retryAfterSeconds))
                            .build()))
                    .build().toByteArray();
            if (RICH_STATUS.size() < 1024) {
                RICH_STATUS.put(key, rich);
            }
        }
        Metadata trailers = new Metadata();
        trailers.put(RETRY_AFTER, Long.toString(retryAfterSeconds));
        trailers.put(STATUS_DETAILS, rich);
        return new Closing(Status.RESOURCE_EXHAUSTED.withDescription(detail), trailers);
    }

    /** One call in flight: the caller's side, the service's side, and the flow between them. */
    private final class ProxiedCall implements Admission.Waiter {

        private final Object lock = new Object();
        private final ServerCall<byte[], byte[]> serverCall;
        private final Metadata forwardedHeaders;
        private final Deadline deadline;
        private final TravelAnswerReader travel;
        private Callers.Caller caller;
        private Admission.Permit permit;
        private Admission.Ticket ticket;
        private ClientCall<byte[], byte[]> clientCall;
        private boolean closed;
        private boolean halfClosePending;
        private boolean answerHeadersSeen;
        private boolean serverRequestPending;
        private boolean clientRequestPending;
        private boolean auditPending;
        private Status closePending;
        private Metadata closePendingTrailers;
        private boolean breakerPermission;
        private long startedNanos;
        /** The caller's headers, until the call's server observation has read the trace context from them. */
        private Metadata callerHeaders;
        /** The call's server observation (from admission on), parent of the call to sanctions. */
        private Observation observation = Observation.NOOP;
        private boolean observed;
        private Observation upstreamObservation = Observation.NOOP;

        /** The caller's bearer token, until it has been checked. */
        private String token;

        ProxiedCall(ServerCall<byte[], byte[]> serverCall, Metadata callerHeaders, Metadata forwardedHeaders,
                Deadline deadline, String token) {
            this.token = token;
            this.callerHeaders = callerHeaders;
            this.serverCall = serverCall;
            this.forwardedHeaders = forwardedHeaders;
            this.deadline = deadline;
            this.travel = method.travelCheck() ? new TravelAnswerReader(method.fullName()) : null;
        }

        // ------------------------------------------------------------ admission, token, relay token, scope

        /** Enters the route's admission: a place at once, a wait (called back), or refused at once. */
        void enter() {
            synchronized (lock) {
                long left = deadline.timeRemaining(TimeUnit.NANOSECONDS);
                Admission.Entry entry = admission.enter(this, Duration.ofNanos(Math.max(0, left)));
                switch (entry) {
                    case Admission.Admitted a -> {
                        observe();
                        admittedLocked(a.permit());
                    }
                    case Admission.Queued q -> {
                        observe();
                        ticket = q.ticket();
                    }
                    // refused at once: no observation (the cheapest answer the door has); counted by the caller's
                    // status in the client's metrics and here by nothing else
                    case Admission.Refused r -> refusedLocked(r.refusal());
                }
            }
        }

        private void observe() {
            observation = observations.server(method.bytes(), serverCall.getAuthority(), callerHeaders);
            observed = true;
            callerHeaders = null;
        }

        /** Admitted: the caller's token is checked (from the cache after its first call, else asynchronously). */
        private void authenticate() {
            String bearer = token;
            token = null;
            Optional<Jwt> known = decoder.cached(bearer);
            if (known.isPresent()) {
                relayed(known.get());
            } else {
                decoder.decode(bearer).subscribe(this::relayed, this::authenticationFailed);
            }
        }

        /** The caller's token is valid: add the gateway's own (from memory, or renewed off the event loop). */
        void relayed(Jwt jwt) {
            relayToken.token().subscribe(bearer -> {
                synchronized (lock) {
                    if (!closed) {
                        forwardedHeaders.put(RELAY, "Bearer " + bearer);
                    }
                }
                authenticated(jwt);
            }, this::relayTokenFailed);
        }

        void relayTokenFailed(Throwable e) {
            synchronized (lock) {
                log.warn("gRPC call refused: the gateway's own token is unavailable ({})", e.getClass().getSimpleName());
                closeCaller(Status.UNAVAILABLE.withDescription(
                        "The gateway could not obtain its own token from the authorization server; try again later."),
                        new Metadata());
            }
        }

        void authenticated(Jwt jwt) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                if (method.scope().isEmpty()) {
                    closeCaller(Status.PERMISSION_DENIED.withDescription(
                            method.fullName() + " declares no required_scope, so nobody may call it."), new Metadata());
                    return;
                }
                List<String> scopes = scopes(jwt);
                if (!scopes.contains(method.scope().get()) && !scopes.contains(RouteScopes.ADMIN_SCOPE)) {
                    closeCaller(Status.PERMISSION_DENIED.withDescription("The token's scopes do not allow "
                            + method.fullName() + " (needs " + method.scope().get() + ")."), new Metadata());
                    return;
                }
                caller = Callers.of(jwt);
                if (halfClosePending) {
                    // a streaming call that sent no message and closed its side meanwhile
                    if (startUpstream()) {
                        clientCall.halfClose();
                    }
                    return;
                }
                serverCall.request(1);
            }
        }

        void authenticationFailed(Throwable e) {
            synchronized (lock) {
                if (e instanceof BadJwtException) {
                    closeCaller(Status.UNAUTHENTICATED.withDescription(
                            "The bearer token is invalid, expired or not meant for this platform."), new Metadata());
                } else {
                    log.warn("gRPC call refused: token keys unavailable ({})", e.getClass().getSimpleName());
                    closeCaller(Status.UNAVAILABLE.withDescription(
                            "The authorization server's keys could not be fetched; try again later."), new Metadata());
                }
            }
        }

        @Override
        public void admitted(Admission.Permit granted) {
            synchronized (lock) {
                admittedLocked(granted);
            }
        }

        @Override
        public void refused(Admission.Refusal refusal) {
            synchronized (lock) {
                refusedLocked(refusal);
            }
        }

        private void admittedLocked(Admission.Permit granted) {
            ticket = null;
            if (closed) {
                granted.release();
                return;
            }
            permit = granted;
            authenticate();
        }

        private void refusedLocked(Admission.Refusal refusal) {
            ticket = null;
            if (deadline.isExpired()) {
                closeCaller(Status.DEADLINE_EXCEEDED.withDescription("The call's deadline passed while it waited for "
                        + "the sanctions service, which is at capacity."), new Metadata());
                return;
            }
            Closing exhausted = exhausted(refusal.detail(), 1);
            closeCaller(exhausted.status(), exhausted.trailers());
        }

        // ------------------------------------------------------------ the caller's side

        ServerCall.Listener<byte[]> listener() {
            return new ServerCall.Listener<>() {
                @Override
                public void onMessage(byte[] message) {
                    synchronized (lock) {
                        if (closed) {
                            return;
                        }
                        long units = travel != null ? travel.request(message) : 1;
                        if (units < 0) {
                            // not a message of the method's request type: the service's own parser would
                            // fail with UNKNOWN; refused here as the bad input it is, and never forwarded
                            if (clientCall != null) {
                                clientCall.cancel("the caller sent a malformed message", null);
                            }
                            closeCaller(Status.INVALID_ARGUMENT.withDescription("The request message is not a "
                                    + "valid " + method.fullName() + " request (protobuf)."), new Metadata());
                            return;
                        }
                        Optional<ClientBudgets.OverBudget> over = budgets.take(method.budget(), caller.budgetKey(),
                                Math.max(1, units));
                        if (over.isPresent()) {
                            overBudget(over.get());
                            return;
                        }
                        if (!startUpstream()) {
                            return;
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
                        if (closed) {
                            return;
                        }
                        if (permit == null || caller == null) {
                            // no message was sent; the call waits for admission or its token check
                            halfClosePending = true;
                            return;
                        }
                        if (startUpstream()) {
                            clientCall.halfClose();
                        }
                    }
                }

                @Override
                public void onCancel() {
                    synchronized (lock) {
                        boolean wasClosed = closed;
                        closed = true;
                        if (ticket != null) {
                            ticket.cancel();
                            ticket = null;
                        }
                        if (clientCall != null && !wasClosed) {
                            clientCall.cancel("the caller cancelled the call", null);
                        }
                        endObservation(Status.CANCELLED, true);
                        releasePermit();
                    }
                }

                @Override
                public void onReady() {
                    synchronized (lock) {
                        if (clientRequestPending && clientCall != null && !auditPending) {
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
            breakerPermission = true;
            startedNanos = System.nanoTime();
            // the client span is the child of the call's own observation, whichever thread gets here; its
            // trace context goes into the headers sent on
            upstreamObservation = observations.client(method.bytes(), upstream.authority(), forwardedHeaders, observation);
            clientCall = upstream.newCall(method.bytes(), CallOptions.DEFAULT.withDeadline(deadline));
            clientCall.start(new Upstream(), forwardedHeaders);
            clientCall.request(1);
            return true;
        }

        private void overBudget(ClientBudgets.OverBudget over) {
            String detail = "This client has used its request budget (" + over.budget() + "). Retry after "
                    + over.retryAfterSeconds() + " s.";
            Closing exhausted = exhausted(detail, over.retryAfterSeconds());
            if (clientCall != null) {
                clientCall.cancel("the caller is over its request budget", null);
            }
            closeCaller(exhausted.status(), exhausted.trailers());
        }

        private void closeCaller(Status status, Metadata trailers) {
            if (!closed) {
                closed = true;
                serverCall.close(status, trailers);
                endObservation(status, false);
            }
            releasePermit();
        }

        private void endObservation(Status status, boolean cancelled) {
            if (observed) {
                observed = false;
                GrpcCallObservations.serverClosed(observation, status, cancelled);
            }
        }

        private void releasePermit() {
            if (permit != null) {
                permit.release();
                permit = null;
            }
        }

        // ------------------------------------------------------------ the service's side

        /** Answers flow back to the caller as the caller can take them; a DENY waits for its audit entry. */
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
                    if (travel == null) {
                        pass(message);
                        return;
                    }
                    List<TravelAnswer> answers = travel.answer(message);
                    auditPending = true;
                    audit.record(caller.clientId(), caller.agency(), "GRPC", method.fullName(), 200, answers)
                            .subscribe(null, failure -> auditFailed(failure), () -> audited(message));
                }
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                synchronized (lock) {
                    GrpcCallObservations.clientClosed(upstreamObservation, status);
                    upstreamObservation = Observation.NOOP;
                    if (auditPending) {
                        closePending = status;
                        closePendingTrailers = trailers;
                        return;
                    }
                    finish(status, trailers);
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

        private void audited(byte[] message) {
            synchronized (lock) {
                auditPending = false;
                if (closed) {
                    return;
                }
                pass(message);
                if (closePending != null) {
                    Status status = closePending;
                    closePending = null;
                    finish(status, closePendingTrailers);
                }
            }
        }

        private void auditFailed(Throwable failure) {
            synchronized (lock) {
                auditPending = false;
                log.warn("travel check answer of client {} withheld: audit append failed ({})", caller.clientId(),
                        failure.getClass().getSimpleName());
                if (clientCall != null && closePending == null) {
                    clientCall.cancel("the answer could not be recorded in the audit log", null);
                }
                closePending = null;
                recordBreaker(Status.OK);
                closeCaller(Status.UNAVAILABLE.withDescription("The travel check could not be recorded in the audit "
                        + "log, so its answer is withheld. Try again later."), new Metadata());
            }
        }

        private void pass(byte[] message) {
            serverCall.sendMessage(message);
            if (serverCall.isReady()) {
                clientCall.request(1);
            } else {
                clientRequestPending = true;
            }
        }

        private void finish(Status status, Metadata trailers) {
            recordBreaker(status);
            if (status.getCode() == Status.Code.UNAVAILABLE && !answerHeadersSeen) {
                closeCaller(Status.UNAVAILABLE.withDescription("The sanctions service cannot be reached."),
                        new Metadata());
            } else {
                closeCaller(status, trailers);
            }
        }

        /** Only the service's failures count: it cannot be reached, or it let the deadline pass without answering. */
        private void recordBreaker(Status status) {
            if (!breakerPermission) {
                return;
            }
            breakerPermission = false;
            long elapsed = System.nanoTime() - startedNanos;
            boolean serviceTrouble = status.getCode() == Status.Code.UNAVAILABLE
                    || status.getCode() == Status.Code.DEADLINE_EXCEEDED && !answerHeadersSeen;
            if (serviceTrouble) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, new StatusException(status));
            } else if (status.getCode() == Status.Code.CANCELLED) {
                breaker.releasePermission();
            } else {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
        }
    }
}
