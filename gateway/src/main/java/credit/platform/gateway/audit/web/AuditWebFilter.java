package credit.platform.gateway.audit.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import credit.platform.gateway.audit.AuditProperties;
import credit.platform.gateway.audit.TravelCheckAudit;
import credit.platform.gateway.audit.domain.AuditEntry;
import credit.platform.gateway.audit.domain.AuditLog;
import credit.platform.gateway.audit.domain.SubjectRefs;
import credit.platform.gateway.problem.GatewayProblemException;
import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.request.AccessKind;
import credit.platform.gateway.request.Purpose;
import credit.platform.gateway.request.RequestView;
import credit.platform.gateway.request.RequestViewFilter;
import credit.platform.gateway.request.SubjectRef;
import credit.platform.gateway.security.Callers;
import credit.platform.gateway.security.RouteScopes;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Records every access to personal data that passed authorization, as its {@link RequestView}
 * classifies it (the route table line, never the raw path or the body's shape): a read needs an
 * {@code X-Purpose} from the fixed vocabulary (else 400, nothing forwarded, nothing recorded); the
 * entry (client, agency, purpose, subject references, route, status) is appended to the chain
 * <em>before</em> the response is committed, so no answer leaves without its record.
 *
 * <p>Subject references come from the route and query (the view), the JSON body of a write or check,
 * and a successful JSON answer (held until read: {@code subjectId}s, identifiers, a registry
 * subject's {@code id}), so a person finds an access in their log whichever way it named them.
 * Travel checks are counted per client and day, and their DENY answers recorded
 * ({@link TravelCheckAudit}).
 */
@Component
class AuditWebFilter implements WebFilter, Ordered {

    public static final String PURPOSE_HEADER = RequestViewFilter.PURPOSE_HEADER;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(AuditWebFilter.class);

    private final AuditLog auditLog;
    private final SubjectRefs subjectRefs;
    private final ProblemWriter problems;
    private final AuditProperties properties;
    private final Clock clock;
    private final TravelCheckAudit travelCheckAudit;

    AuditWebFilter(AuditLog auditLog, SubjectRefs subjectRefs, ProblemWriter problems, AuditProperties properties,
            Clock clock, TravelCheckAudit travelCheckAudit) {
        this.travelCheckAudit = travelCheckAudit;
        this.auditLog = auditLog;
        this.subjectRefs = subjectRefs;
        this.problems = problems;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return -40;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestView view = exchange.getAttribute(RequestView.ATTRIBUTE);
        if (view == null) {
            return chain.filter(exchange);
        }
        AccessKind kind = view.access();
        if (kind == AccessKind.NONE) {
            return chain.filter(exchange);
        }
        if (view.purpose().invalid()) {
            return refuse(exchange, "one-of", "must be one of " + Purpose.names());
        }
        if (kind == AccessKind.PERSON_READ && view.purpose().value().isEmpty() && properties.purposeRequired()) {
            return refuse(exchange, "required",
                    "reads of person data must state their purpose, one of " + Purpose.names());
        }
        Optional<Callers.Caller> caller = view.caller();
        if (caller.isEmpty()) {
            // every person-data line needs a scope, so security let no anonymous request through
            return chain.filter(exchange);
        }
        if (kind.travelCheck()) {
            return travelCheck(exchange, chain, view, caller.get());
        }
        return personAccess(exchange, chain, view, caller.get());
    }

    private Mono<Void> personAccess(ServerWebExchange exchange, WebFilterChain chain, RequestView view,
            Callers.Caller caller) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
        boolean readsBody = view.route().map(r -> r.body() == RouteScopes.Body.JSON).orElse(false)
                && view.access() != AccessKind.PERSON_READ;
        ByteArrayOutputStream requestCopy = new ByteArrayOutputStream();
        ServerHttpRequest request = readsBody ? copying(exchange.getRequest(), requestCopy) : exchange.getRequest();
        boolean registryAnswer = view.service().filter(s -> s.startsWith("registry")).isPresent();
        AtomicReference<List<SubjectRef>> answerSubjects = new AtomicReference<>(List.of());
        ServerHttpResponse response = readingSubjects(exchange.getResponse(),
                answer -> answerSubjects.set(JsonSubjects.read(answer, registryAnswer, today)));
        ServerWebExchange audited = exchange.mutate().request(request).response(response).build();
        response.beforeCommit(() -> {
            int status = Optional.ofNullable(exchange.getResponse().getStatusCode()).map(HttpStatusCode::value)
                    .orElse(200);
            List<SubjectRef> named = new ArrayList<>();
            if (readsBody) {
                named.addAll(JsonSubjects.read(requestCopy.toByteArray(), false, today));
            }
            named.addAll(answerSubjects.get());
            AuditEntry.Draft draft = new AuditEntry.Draft(clock.instant(), caller.clientId(), caller.agency(),
                    view.purpose().value().map(Enum::name)
                            .orElse(view.access() == AccessKind.PERSON_READ ? "UNSTATED" : null),
                    subjectRefs.references(view.subjectsWith(named)), view.method(), view.routeName(), status);
            // no timeout of our own: the log refuses at once what it cannot take, and reports a write
            // under way truly (an answer withheld for a stored entry would make its status untrue)
            return auditLog.append(draft).then()
                    .onErrorMap(e -> new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                            "audit-unavailable", "The access could not be recorded in the audit log, so its "
                                    + "answer is withheld. Try again later.", e));
        });
        return chain.filter(audited);
    }

    /** The request with its body copied into {@code copy} as it streams to the service (at most max-body). */
    private static ServerHttpRequest copying(ServerHttpRequest request, ByteArrayOutputStream copy) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
                    synchronized (copy) {
                        copy.writeBytes(bytes);
                    }
                });
            }
        };
    }

    /**
     * Holds a successful answer until {@code reader} has read it (the entry is appended as the
     * response commits, just after); other answers pass as they are.
     */
    private static ServerHttpResponse readingSubjects(ServerHttpResponse response,
            java.util.function.Consumer<byte[]> reader) {
        return new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                int status = Optional.ofNullable(getStatusCode()).map(HttpStatusCode::value).orElse(200);
                if (status < 200 || status >= 300) {
                    return super.writeWith(body);
                }
                return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                    byte[] answer = new byte[joined.readableByteCount()];
                    joined.toByteBuffer(joined.readPosition(), ByteBuffer.wrap(answer), 0, answer.length);
                    reader.accept(answer);
                    return super.writeWith(Mono.just(joined));
                }).switchIfEmpty(Mono.defer(() -> super.writeWith(Flux.empty())));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return writeWith(Flux.from(body).flatMapSequential(p -> p));
            }
        };
    }

    /**
     * A travel check: single or batch as the route says. The request body is copied as it streams to
     * the service (it is at most {@code max-body}), the answer is held until its decisions are read;
     * DENY subjects get one chained entry (fingerprints), ALLOWs and DENYs are counted. Requests are
     * also counted by outcome (answered/failed). An answer whose DENY cannot be recorded is withheld (503).
     */
    private Mono<Void> travelCheck(ServerWebExchange exchange, WebFilterChain chain, RequestView view,
            Callers.Caller caller) {
        boolean batch = view.access() == AccessKind.TRAVEL_CHECK_BATCH;
        ByteArrayOutputStream requestCopy = new ByteArrayOutputStream();
        ServerHttpRequest copying = copying(exchange.getRequest(), requestCopy);
        ServerHttpResponse response = exchange.getResponse();
        ServerHttpResponse reading = new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                int status = Optional.ofNullable(getStatusCode()).map(HttpStatusCode::value).orElse(200);
                if (status < 200 || status >= 300) {
                    return super.writeWith(body);
                }
                return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                    byte[] answer = new byte[joined.readableByteCount()];
                    joined.toByteBuffer(joined.readPosition(), ByteBuffer.wrap(answer), 0, answer.length);
                    byte[] requestBytes;
                    synchronized (requestCopy) {
                        requestBytes = requestCopy.toByteArray();
                    }
                    return travelCheckAudit.record(caller.clientId(), caller.agency(), view.method(),
                                    view.routeName(), status, TravelCheckBodies.answers(batch, requestBytes, answer))
                            .then(super.writeWith(Mono.just(joined)))
                            .onErrorResume(e -> !(e instanceof GatewayProblemException), e -> {
                                DataBufferUtils.release(joined);
                                return Mono.error(new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                                        "audit-unavailable", "The travel check could not be recorded in the audit "
                                                + "log, so its answer is withheld. Try again later.", e));
                            });
                });
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return writeWith(Flux.from(body).flatMapSequential(p -> p));
            }
        };
        response.beforeCommit(() -> {
            int status = Optional.ofNullable(response.getStatusCode()).map(HttpStatusCode::value).orElse(200);
            // a counter, not a record of a person: a failure to count does not withhold the answer
            return auditLog.countTravelCheck(caller.clientId(), LocalDate.ofInstant(clock.instant(), CHINA).toString(),
                            status)
                    .timeout(APPEND_TIMEOUT)
                    .onErrorResume(e -> {
                        log.warn("travel check of client {} not counted: {}", caller.clientId(),
                                e.getClass().getSimpleName());
                        return Mono.empty();
                    });
        });
        return chain.filter(exchange.mutate().request(copying).response(reading).build());
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String rule, String message) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "purpose-required", "Purpose required",
                "Header " + PURPOSE_HEADER + " " + message + ".",
                List.of(new ProblemWriter.FieldViolation(PURPOSE_HEADER, rule, message)));
    }
}
