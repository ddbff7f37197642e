package credit.platform.gateway.audit.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import credit.platform.gateway.audit.domain.AuditChain;
import credit.platform.gateway.audit.domain.AuditEntry;
import credit.platform.gateway.audit.domain.AuditLog;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The audit chain in MongoDB without transactions, safe for several gateway replicas.
 *
 * <p>{@code audit_entries} holds one document per entry with {@code _id} = its sequence; that
 * unique insert is the commit point: of two appenders that read the same head, exactly one gets
 * the sequence, the other sees a duplicate key and retries. {@code audit_head} is one document
 * ({@code seq}, {@code hash}) naming the last entry; it is advanced by compare-and-set on
 * {@code seq}. A crash between the insert and the head update leaves the head one entry behind;
 * the next appender that collides with that entry moves the head on (entry n+1 always chains to
 * head n, so this is safe) and retries. Within one process appends are queued, so replicas, not
 * requests, are what contend.
 */
public final class MongoAuditLog implements AuditLog {

    static final String ENTRIES = "audit_entries";
    static final String HEAD = "audit_head";
    static final String TRAVEL_COUNTS = "travel_check_counts";
    private static final String HEAD_ID = "head";

    private static final Logger log = LoggerFactory.getLogger(MongoAuditLog.class);

    private final ReactiveMongoTemplate mongo;
    private final Sinks.Many<Pending> queue = Sinks.many().unicast().onBackpressureBuffer();

    private record Pending(AuditEntry.Draft draft, Sinks.One<AuditEntry> result) {
    }

    private record Head(long sequence, String hash) {
    }

    /** Thrown inside the append loop when another appender took the sequence. */
    private static final class SequenceTaken extends RuntimeException {
        SequenceTaken() {
            super(null, null, false, false);
        }
    }

    public MongoAuditLog(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        queue.asFlux()
                .concatMap(p -> appendNow(p.draft())
                        .doOnNext(e -> p.result().tryEmitValue(e))
                        .onErrorResume(e -> {
                            p.result().tryEmitError(e);
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public Mono<AuditEntry> append(AuditEntry.Draft draft) {
        return Mono.defer(() -> {
            Sinks.One<AuditEntry> result = Sinks.one();
            Sinks.EmitResult emitted;
            synchronized (queue) {
                emitted = queue.tryEmitNext(new Pending(draft, result));
            }
            if (emitted.isFailure()) {
                return Mono.error(new IllegalStateException("audit queue refused an entry: " + emitted));
            }
            return result.asMono();
        });
    }

    /** One append, retried while other replicas take the sequences it tries. */
    Mono<AuditEntry> appendNow(AuditEntry.Draft draft) {
        return Mono.defer(() -> readHead().flatMap(head -> {
                    AuditEntry entry = draft.chainedAfter(head.sequence() + 1, head.hash());
                    return mongo.insert(toDocument(entry), ENTRIES)
                            .then(advanceHead(head, entry))
                            .thenReturn(entry)
                            .onErrorResume(DuplicateKeyException.class,
                                    e -> healHead(head).then(Mono.error(new SequenceTaken())));
                }))
                .retryWhen(Retry.backoff(200, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20))
                        .jitter(0.5).filter(SequenceTaken.class::isInstance));
    }

    private Mono<Head> readHead() {
        return mongo.findById(HEAD_ID, Document.class, HEAD)
                .map(d -> new Head(((Number) d.get("seq")).longValue(), d.getString("hash")))
                .switchIfEmpty(Mono.defer(() -> mongo.insert(new Document("_id", HEAD_ID).append("seq", 0L)
                                .append("hash", AuditChain.GENESIS), HEAD)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                        .then(Mono.defer(this::readHead))));
    }

    /** Compare-and-set: moves the head from {@code from} to {@code entry} only if nobody else did. */
    private Mono<Void> advanceHead(Head from, AuditEntry entry) {
        return mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(HEAD_ID).and("seq").is(from.sequence())),
                        Update.update("seq", entry.sequence()).set("hash", entry.hash()), HEAD)
                .then();
    }

    /** The entry after {@code head} exists: make the head point at it (it chains to head by construction). */
    private Mono<Void> healHead(Head head) {
        return mongo.findById(head.sequence() + 1, Document.class, ENTRIES)
                .map(MongoAuditLog::fromDocument)
                .flatMap(next -> {
                    if (!next.previousHash().equals(head.hash())) {
                        log.error("audit entry {} does not chain to the head; not moving the head", next.sequence());
                        return Mono.empty();
                    }
                    return advanceHead(head, next);
                });
    }

    @Override
    public Mono<AuditChain.Anchor> head() {
        return readHead().filter(h -> h.sequence() > 0).map(h -> new AuditChain.Anchor(h.sequence(), h.hash()));
    }

    @Override
    public Mono<AuditChain.Verdict> verify(List<AuditChain.Anchor> anchors) {
        return readHead().flatMap(head -> {
            AuditChain.Verifier verifier = new AuditChain.Verifier(head.sequence(), anchors);
            // Storage order by _id: a reordered pair shows up as a sequence/hash mismatch.
            return mongo.find(new Query().with(Sort.by("_id")), Document.class, ENTRIES)
                    .map(MongoAuditLog::fromDocument)
                    .doOnNext(verifier::accept)
                    .then(Mono.fromSupplier(verifier::verdict));
        });
    }

    @Override
    public Flux<AuditEntry> touching(Collection<String> subjectRefs, int limit) {
        if (subjectRefs.isEmpty()) {
            return Flux.empty();
        }
        Query query = Query.query(Criteria.where("subjectRefs").in(subjectRefs))
                .with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        return mongo.find(query, Document.class, ENTRIES).map(MongoAuditLog::fromDocument);
    }

    @Override
    public Mono<Void> countTravelCheck(String clientId, String day, int status) {
        String outcome = status >= 200 && status < 300 ? "answered" : "failed";
        return mongo.upsert(Query.query(Criteria.where("_id").is(clientId + "|" + day)),
                        new Update().set("clientId", clientId).set("day", day).inc("total", 1).inc(outcome, 1),
                        TRAVEL_COUNTS)
                .then();
    }

    @Override
    public Mono<Void> countTravelDecisions(String clientId, String day, int allows, int denies) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(clientId + "|" + day)),
                        new Update().set("clientId", clientId).set("day", day).inc("allow", allows)
                                .inc("deny", denies),
                        TRAVEL_COUNTS)
                .then();
    }

    static Document toDocument(AuditEntry e) {
        return new Document("_id", e.sequence())
                .append("time", Date.from(e.time()))
                .append("clientId", e.clientId())
                .append("agency", e.agency())
                .append("purpose", e.purpose())
                .append("subjectRefs", e.subjectRefs())
                .append("method", e.method())
                .append("route", e.route())
                .append("status", e.status())
                .append("previousHash", e.previousHash())
                .append("hash", e.hash());
    }

    static AuditEntry fromDocument(Document d) {
        List<String> refs = d.getList("subjectRefs", String.class, List.of());
        Instant time = d.getDate("time").toInstant();
        return new AuditEntry(((Number) d.get("_id")).longValue(), time, d.getString("clientId"),
                d.getString("agency"), d.getString("purpose"), refs, d.getString("method"), d.getString("route"),
                ((Number) d.get("status")).intValue(), d.getString("previousHash"), d.getString("hash"));
    }
}
