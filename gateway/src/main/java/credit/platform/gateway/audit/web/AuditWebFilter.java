package credit.platform.gateway.audit.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import credit.platform.gateway.audit.AuditProperties;
import credit.platform.gateway.audit.TravelCheckAudit;
import credit.platform.gateway.audit.domain.AuditEntry;
import credit.platform.gateway.audit.domain.AuditLog;
import credit.platform.gateway.audit.domain.SubjectRefs;
import credit.platform.gateway.audit.domain.TravelAnswer;
import credit.platform.gateway.problem.GatewayProblemException;
import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.request.AccessKind;
import credit.platform.gateway.request.BatchChecks;
import credit.platform.gateway.request.Purpose;
import credit.platform.gateway.request.RequestView;
import credit.platform.gateway.request.RequestViewFilter;
import credit.platform.gateway.request.SubjectRef;
import credit.platform.gateway.security.Callers;
import credit.platform.gateway.security.RouteScopes;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

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
 * Travel checks stream through: counted per client and day in memory, their DENY answers recorded
 * before the answer completes ({@link TravelCheckAudit}).
 */
@Component
class AuditWebFilter implements WebFilter, Ordered {

    public static final String PURPOSE_HEADER = RequestViewFilter.PURPOSE_HEADER;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

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
     * A travel check, single or batch as the route says, passed through as it streams: the request's
     * documents and the answer's decisions are read chunk by chunk ({@link TravelCheckScanner}), nothing
     * is buffered whole. An answer is held only up to {@value #HOLD_BYTES} bytes (so a single check's
     * answer can still be replaced by a 503), then streamed with its last chunk held back until its end
     * is read. Without a DENY the held bytes go out at once: an ALLOW waits for no I/O (its counts are in
     * memory, {@code TravelCheckCounts}). With a DENY, the last bytes leave only once its chained entry is
     * stored; when that fails, a held answer becomes 503 {@code audit-unavailable}, and a longer one that
     * has begun to stream is cut off (the client never receives a complete answer without its record).
     * Requests are counted by outcome (answered/failed).
     */
    private Mono<Void> travelCheck(ServerWebExchange exchange, WebFilterChain chain, RequestView view,
            Callers.Caller caller) {
        boolean batch = view.access() == AccessKind.TRAVEL_CHECK_BATCH;
        TravelCheckScanner requestScan = new TravelCheckScanner(TravelCheckScanner.Side.REQUEST, batch);
        ServerHttpRequest reading = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> feed(requestScan, buffer)).doOnComplete(() -> {
                    requestScan.end();
                    if (batch) {
                        // the one reading of the batch: its number of checks for the client's budget
                        BatchChecks.counted(exchange, requestScan.checks());
                    }
                });
            }
        };
        ServerHttpResponse response = exchange.getResponse();
        ServerHttpResponse scanning = new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                int status = Optional.ofNullable(getStatusCode()).map(HttpStatusCode::value).orElse(200);
                if (status < 200 || status >= 300) {
                    return super.writeWith(body);
                }
                return super.writeWith(new HeldAnswer(caller, view, status, batch, requestScan).pass(body));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return writeWith(Flux.from(body).concatMap(p -> p));
            }
        };
        response.beforeCommit(() -> {
            int status = Optional.ofNullable(response.getStatusCode()).map(HttpStatusCode::value).orElse(200);
            // a counter, not a record of a person: kept in memory, written periodically
            travelCheckAudit.counts().request(caller.clientId(), status);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(reading).response(scanning).build());
    }

    /** Up to this many answer bytes are held before the first is sent (a single check's answer is ~2 KB). */
    static final int HOLD_BYTES = 64 * 1024;

    private static void feed(TravelCheckScanner scanner, DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
        scanner.feed(bytes, 0, bytes.length);
    }

    /** One 2xx travel-check answer on its way out: scanned, held as little as the DENY rule allows. */
    private final class HeldAnswer {

        private final Callers.Caller caller;
        private final RequestView view;
        private final int status;
        private final TravelCheckScanner requestScan;
        private final TravelCheckScanner answerScan;
        private final ArrayDeque<DataBuffer> held = new ArrayDeque<>();
        private long heldBytes;
        private boolean streaming;

        HeldAnswer(Callers.Caller caller, RequestView view, int status, boolean batch, TravelCheckScanner requestScan) {
            this.caller = caller;
            this.view = view;
            this.status = status;
            this.requestScan = requestScan;
            this.answerScan = new TravelCheckScanner(TravelCheckScanner.Side.ANSWER, batch);
        }

        Flux<DataBuffer> pass(Publisher<? extends DataBuffer> body) {
            Flux<DataBuffer> chunks = Flux.from(body).concatMap(this::next);
            return Flux.concat(chunks, Flux.defer(this::finish))
                    .doFinally(signal -> {
                        if (signal != SignalType.ON_COMPLETE) {
                            releaseHeld();
                        }
                    });
        }

        private synchronized Flux<DataBuffer> next(DataBuffer buffer) {
            feed(answerScan, buffer);
            held.add(buffer);
            heldBytes += buffer.readableByteCount();
            if (!streaming && heldBytes < HOLD_BYTES) {
                return Flux.empty();
            }
            streaming = true;
            List<DataBuffer> out = new ArrayList<>();
            while (held.size() > 1) {
                DataBuffer b = held.poll();
                heldBytes -= b.readableByteCount();
                out.add(b);
            }
            return Flux.fromIterable(out);
        }

        private Flux<DataBuffer> finish() {
            answerScan.end();
            Mono<Void> recorded = travelCheckAudit.record(caller.clientId(), caller.agency(), view.method(),
                    view.routeName(), status, answers());
            return recorded.thenMany(Flux.defer(() -> Flux.fromIterable(takeHeld())))
                    .onErrorMap(e -> !(e instanceof GatewayProblemException), e -> {
                        releaseHeld();
                        return new GatewayProblemException(HttpStatus.SERVICE_UNAVAILABLE, "audit-unavailable",
                                "The travel check could not be recorded in the audit log, so its answer is withheld. "
                                        + "Try again later.", e);
                    });
        }

        private List<TravelAnswer> answers() {
            int n = answerScan.decisions();
            List<String[]> documents = requestScan.documents();
            List<TravelAnswer> answers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String[] document = i < documents.size() ? documents.get(i) : new String[] {"", "", ""};
                answers.add(new TravelAnswer(document[0], document[1], document[2], answerScan.deny(i)));
            }
            return answers;
        }

        private synchronized List<DataBuffer> takeHeld() {
            List<DataBuffer> out = List.copyOf(held);
            held.clear();
            heldBytes = 0;
            return out;
        }

        private synchronized void releaseHeld() {
            DataBuffer b;
            while ((b = held.poll()) != null) {
                DataBufferUtils.release(b);
            }
            heldBytes = 0;
        }
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String rule, String message) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "purpose-required", "Purpose required",
                "Header " + PURPOSE_HEADER + " " + message + ".",
                List.of(new ProblemWriter.FieldViolation(PURPOSE_HEADER, rule, message)));
    }
}
