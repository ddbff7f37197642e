package credit.platform.gateway.audit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import credit.platform.gateway.audit.AuditProperties;
import credit.platform.gateway.audit.TravelCheckAudit;
import credit.platform.gateway.audit.domain.AccessKind;
import credit.platform.gateway.audit.domain.AuditEntry;
import credit.platform.gateway.audit.domain.AuditLog;
import credit.platform.gateway.audit.domain.Purpose;
import credit.platform.gateway.audit.domain.SubjectRefs;
import credit.platform.gateway.problem.GatewayProblemException;
import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.security.Callers;
import credit.platform.gateway.security.RouteScopes;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Records every access to personal data that passed authorization: a read needs an
 * {@code X-Purpose} from the fixed vocabulary (else 400, nothing forwarded, nothing recorded);
 * the entry (client, agency, purpose, subject references, route, status) is appended to the chain
 * <em>before</em> the response is committed, so no answer leaves without its record. Travel checks
 * are counted per client and day, and their DENY answers recorded ({@link TravelCheckAudit}).
 */
@Component
class AuditWebFilter implements WebFilter, Ordered {

    public static final String PURPOSE_HEADER = "X-Purpose";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final java.time.Duration APPEND_TIMEOUT = java.time.Duration.ofSeconds(3);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditWebFilter.class);

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
        ServerHttpRequest request = exchange.getRequest();
        String method = request.getMethod().name();
        String path = request.getPath().value();
        AccessKind kind = AccessKind.of(method, path);
        if (kind == AccessKind.NONE) {
            return chain.filter(exchange);
        }
        String purposeHeader = request.getHeaders().getFirst(PURPOSE_HEADER);
        Optional<Purpose> purpose = Purpose.parse(purposeHeader);
        if (purposeHeader != null && purpose.isEmpty()) {
            return refuse(exchange, "one-of", "must be one of " + Purpose.names());
        }
        if (kind == AccessKind.PERSON_READ && purpose.isEmpty() && properties.purposeRequired()) {
            return refuse(exchange, "required",
                    "reads of person data must state their purpose, one of " + Purpose.names());
        }
        if (kind == AccessKind.TRAVEL_CHECK) {
            return exchange.getPrincipal().map(Callers::of)
                    .flatMap(caller -> travelCheck(exchange, chain, caller, method, path).thenReturn(Boolean.TRUE))
                    .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(Boolean.TRUE))).then();
        }
        // a read by record id or of a list page names its persons only in the answer: read them from it
        java.util.concurrent.atomic.AtomicReference<List<String>> answerSubjects =
                new java.util.concurrent.atomic.AtomicReference<>(List.of());
        boolean subjectsInAnswer = kind == AccessKind.PERSON_READ && RecordAnswers.namesSubjectsOnlyInTheAnswer(path);
        ServerWebExchange audited = subjectsInAnswer
                ? exchange.mutate().response(readingSubjects(exchange.getResponse(), answerSubjects)).build()
                : exchange;
        return exchange.getPrincipal().map(Callers::of).flatMap(caller -> {
            audited.getResponse().beforeCommit(() -> {
                int status = Optional.ofNullable(exchange.getResponse().getStatusCode())
                        .map(HttpStatusCode::value).orElse(200);
                String route = RouteScopes.match(method, path).map(RouteScopes.RouteScope::toString)
                        .orElse(method + " " + path);
                List<String> refs = new java.util.ArrayList<>(subjectRefs.fromRequest(path, firstValues(request)));
                answerSubjects.get().forEach(id -> refs.add(SubjectRefs.subject(id)));
                AuditEntry.Draft draft = new AuditEntry.Draft(clock.instant(), caller.clientId(), caller.agency(),
                        purpose.map(Enum::name).orElse(kind == AccessKind.PERSON_READ ? "UNSTATED" : null),
                        refs, method, route, status);
                return auditLog.append(draft).timeout(APPEND_TIMEOUT).then()
                        .onErrorMap(e -> new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                                "audit-unavailable", "The access could not be recorded in the audit log, so its "
                                        + "answer is withheld. Try again later.", e));
            });
            return chain.filter(audited).thenReturn(Boolean.TRUE);
        }).switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(Boolean.TRUE))).then();
    }

    /**
     * Holds a successful answer until its subject ids are read into {@code subjects} (the entry is
     * appended as the response commits, just after); other answers pass as they are.
     */
    private static ServerHttpResponse readingSubjects(ServerHttpResponse response,
            java.util.concurrent.atomic.AtomicReference<List<String>> subjects) {
        return new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                int status = Optional.ofNullable(getStatusCode()).map(HttpStatusCode::value).orElse(200);
                if (status < 200 || status >= 300) {
                    return super.writeWith(body);
                }
                return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                    byte[] answer = new byte[joined.readableByteCount()];
                    joined.toByteBuffer(joined.readPosition(), java.nio.ByteBuffer.wrap(answer), 0, answer.length);
                    subjects.set(RecordAnswers.subjectIds(answer));
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
     * A travel check: the request body is copied as it streams to the service (it is at most
     * {@code max-body}), the answer is held until its decisions are read; DENY subjects get one
     * chained entry (fingerprints), ALLOWs and DENYs are counted. Requests are also counted by
     * outcome (answered/failed). An answer whose DENY cannot be recorded is withheld (503).
     */
    private Mono<Void> travelCheck(ServerWebExchange exchange, WebFilterChain chain, Callers.Caller caller,
            String method, String path) {
        String route = RouteScopes.match(method, path).map(RouteScopes.RouteScope::toString)
                .orElse(method + " " + path);
        java.io.ByteArrayOutputStream requestCopy = new java.io.ByteArrayOutputStream();
        ServerHttpRequest copying = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.toByteBuffer(buffer.readPosition(), java.nio.ByteBuffer.wrap(bytes), 0, bytes.length);
                    requestCopy.writeBytes(bytes);
                });
            }
        };
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
                    joined.toByteBuffer(joined.readPosition(), java.nio.ByteBuffer.wrap(answer), 0, answer.length);
                    return travelCheckAudit.record(caller.clientId(), caller.agency(), method, route, status,
                                    TravelCheckBodies.answers(requestCopy.toByteArray(), answer))
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

    private static Map<String, String> firstValues(ServerHttpRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getQueryParams().forEach((name, list) -> {
            if (!list.isEmpty() && list.getFirst() != null) {
                values.put(name, java.net.URLDecoder.decode(list.getFirst(), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return values;
    }
}
