package credit.platform.gateway.audit.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import credit.platform.gateway.audit.domain.AuditChain;
import credit.platform.gateway.audit.domain.AuditEntry;
import credit.platform.gateway.audit.domain.AuditLog;
import credit.platform.gateway.audit.domain.AuditUnavailableException;
import credit.platform.gateway.audit.domain.ChainKeys;
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
import org.springframework.data.mongodb.core.index.Index;
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
 * requests, are what contend. The queue is bounded: a full queue, or a draft that waited too long
 * in it, is refused at once ({@link AuditUnavailableException}) and that draft is never written
 * later; a write that does not answer in time is read back, so the outcome reported is the true one.
 */
public class MongoAuditLog implements AuditLog {

    static final String ENTRIES = "audit_entries";
    static final String HEAD = "audit_head";
    static final String TRAVEL_COUNTS = "travel_check_counts";
    private static final String HEAD_ID = "head";

    private static final Logger log = LoggerFactory.getLogger(MongoAuditLog.class);

    private final ReactiveMongoTemplate mongo;
    private final ChainKeys keys;
    private final Duration queueWait;
    private final Duration storeTimeout;
    private final Sinks.Many<Pending> queue;
    /** The newest entry this gateway appended: the chain must still hold it (a cut tail is caught). */
    private final AtomicReference<AuditChain.Anchor> lastAppended = new AtomicReference<>();

    private static final int QUEUED = 0;
    private static final int STARTED = 1;
    private static final int ABANDONED = 2;

    private record Pending(AuditEntry.Draft draft, Sinks.One<AuditEntry> result, AtomicInteger state) {
    }

    private record Head(long sequence, String hash) {
    }

    /** Thrown inside the append loop when another appender took the sequence. */
    private static final class SequenceTaken extends RuntimeException {
        SequenceTaken() {
            super(null, null, false, false);
        }
    }

    /**
     * @param keys         the chain keys (MAC of every entry)
     * @param capacity     most drafts waiting in this gateway's append queue; more are refused at once
     * @param queueWait    longest a draft waits in the queue; then it is dropped (never written) and refused
     * @param storeTimeout longest one write may take before the entry is read back to learn whether it landed
     */
    public MongoAuditLog(ReactiveMongoTemplate mongo, ChainKeys keys, int capacity, Duration queueWait,
            Duration storeTimeout) {
        this.mongo = mongo;
        this.keys = keys;
        this.queueWait = queueWait;
        this.storeTimeout = storeTimeout;
        this.queue = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(capacity));
        // the access logs (a person's, a company's) read the entries touching given subjects, newest first
        // (touching): without this index MongoDB scans the whole chain for each page. Asked for in the
        // background, so a gateway starting while the database is away still starts (MongoDB creates an
        // index that exists as a no-op; the embedded test server ignores secondary indexes).
        mongo.indexOps(ENTRIES).createIndex(new Index().on("subjectRefs", Sort.Direction.ASC).on("_id", Sort.Direction.DESC))
                .subscribe(name -> { }, e -> log.warn("audit: the access-log index on {} was not created ({})", ENTRIES,
                        e.getClass().getSimpleName()));
        queue.asFlux()
                .concatMap(p -> {
                    if (!p.state().compareAndSet(QUEUED, STARTED)) {
                        return Mono.empty(); // waited too long and was refused: never written
                    }
                    return appendNow(p.draft())
                            .doOnNext(e -> p.result().tryEmitValue(e))
                            .onErrorResume(e -> {
                                p.result().tryEmitError(e instanceof AuditUnavailableException ? e
                                        : new AuditUnavailableException("the audit store did not take the entry", e));
                                return Mono.empty();
                            });
                }, 0) // no prefetch: what waits, waits in the bounded queue
                .subscribe();
    }

    @Override
    public Mono<AuditEntry> append(AuditEntry.Draft draft) {
        return Mono.defer(() -> {
            Pending pending = new Pending(draft, Sinks.one(), new AtomicInteger(QUEUED));
            Sinks.EmitResult emitted;
            synchronized (queue) {
                emitted = queue.tryEmitNext(pending);
            }
            if (emitted.isFailure()) {
                return Mono.error(new AuditUnavailableException("the audit append queue is full (" + emitted + ")"));
            }
            // refused only while still queued: once its write started, its real outcome is awaited
            Mono<AuditEntry> waitedTooLong = Mono.delay(queueWait).flatMap(t -> pending.state()
                    .compareAndSet(QUEUED, ABANDONED)
                    ? Mono.<AuditEntry>error(new AuditUnavailableException("the audit entry waited too long to be written"))
                    : Mono.<AuditEntry>never());
            return Mono.firstWithSignal(pending.result().asMono(), waitedTooLong);
        });
    }

    /** One append, retried while other replicas take the sequences it tries. */
    Mono<AuditEntry> appendNow(AuditEntry.Draft draft) {
        return Mono.defer(() -> readHead().timeout(storeTimeout).flatMap(head -> {
                    AuditEntry entry = draft.chainedAfter(head.sequence() + 1, head.hash(), keys);
                    return mongo.insert(toDocument(entry), ENTRIES)
                            .timeout(storeTimeout)
                            .then()
                            .onErrorResume(e -> !(e instanceof DuplicateKeyException), e -> landed(entry, e))
                            .then(advanceHead(head, entry).timeout(storeTimeout).onErrorResume(e -> {
                                // the entry is stored (the commit point); the next appender heals the head
                                log.warn("audit head not advanced to {}: {}", entry.sequence(), e.getClass().getSimpleName());
                                return Mono.empty();
                            }))
                            .thenReturn(entry)
                            .doOnNext(this::remember)
                            .onErrorResume(DuplicateKeyException.class,
                                    e -> healHead(head).then(Mono.<AuditEntry>error(new SequenceTaken())));
                }))
                .retryWhen(Retry.backoff(200, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(20))
                        .jitter(0.5).filter(SequenceTaken.class::isInstance));
    }

    /**
     * The insert failed or did not answer in time: read the entry back, so that the outcome reported
     * is the true one (an entry that landed is success; one that did not is a failure, and the answer
     * it records is withheld).
     */
    private Mono<Void> landed(AuditEntry entry, Throwable failure) {
        return mongo.findById(entry.sequence(), Document.class, ENTRIES)
                .timeout(storeTimeout)
                .flatMap(found -> entry.hash().equals(found.getString("hash")) ? Mono.<Void>empty()
                        : Mono.<Void>error(new DuplicateKeyException("entry " + entry.sequence() + " taken")))
                .switchIfEmpty(Mono.error(new AuditUnavailableException("the audit entry was not stored", failure)))
                .onErrorMap(e -> !(e instanceof DuplicateKeyException) && !(e instanceof AuditUnavailableException),
                        e -> {
                            log.warn("audit entry {} may or may not be stored (the store did not answer): {}",
                                    entry.sequence(), e.getClass().getSimpleName());
                            return new AuditUnavailableException("the audit store did not confirm the entry", e);
                        });
    }

    /**
     * Forgets the newest entry this gateway appended, which {@link #verify} otherwise requires the
     * chain to hold: only after a deliberate restore of the audit database (and in tests that empty it).
     */
    public void forgetOwnNewestEntry() {
        lastAppended.set(null);
    }

    private void remember(AuditEntry entry) {
        AuditChain.Anchor appended = new AuditChain.Anchor(entry.sequence(), entry.hash());
        lastAppended.accumulateAndGet(appended, (a, b) -> a == null || b.sequence() > a.sequence() ? b : a);
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
        List<AuditChain.Anchor> all = new java.util.ArrayList<>(anchors);
        AuditChain.Anchor own = lastAppended.get();
        if (own != null && all.stream().noneMatch(a -> a.sequence() == own.sequence())) {
            all.add(own); // this gateway's own newest entry must still be there
        }
        return readHead().flatMap(head -> {
            AuditChain.Verifier verifier = new AuditChain.Verifier(head.sequence(), keys, all);
            // Storage order by _id: a reordered pair shows up as a sequence/hash mismatch.
            return mongo.find(new Query().with(Sort.by("_id")), Document.class, ENTRIES)
                    .map(MongoAuditLog::fromDocument)
                    .doOnNext(verifier::accept)
                    .then(Mono.fromSupplier(verifier::verdict));
        });
    }

    @Override
    public Flux<AuditEntry> touching(Collection<String> subjectRefs, long beforeSequence, int limit) {
        if (subjectRefs.isEmpty()) {
            return Flux.empty();
        }
        Criteria touching = Criteria.where("subjectRefs").in(subjectRefs);
        Query query = Query.query(beforeSequence == Long.MAX_VALUE ? touching
                        : touching.and("_id").lt(beforeSequence))
                .with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        return mongo.find(query, Document.class, ENTRIES).map(MongoAuditLog::fromDocument);
    }

    @Override
    public Mono<Void> addTravelCounts(String clientId, String day, java.util.Map<String, Long> increments) {
        Update update = new Update().set("clientId", clientId).set("day", day);
        // int32 while a day's count fits (it always does: 2 000 checks/s for a day is 173 M), as before
        increments.forEach((name, n) -> update.inc(name, n <= Integer.MAX_VALUE ? (Number) n.intValue() : n));
        return mongo.upsert(Query.query(Criteria.where("_id").is(clientId + "|" + day)), update, TRAVEL_COUNTS).then();
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
                .append("hash", e.hash())
                .append("keyId", e.keyId());
    }

    static AuditEntry fromDocument(Document d) {
        List<String> refs = d.getList("subjectRefs", String.class, List.of());
        Instant time = d.getDate("time").toInstant();
        return new AuditEntry(((Number) d.get("_id")).longValue(), time, d.getString("clientId"),
                d.getString("agency"), d.getString("purpose"), refs, d.getString("method"), d.getString("route"),
                ((Number) d.get("status")).intValue(), d.getString("previousHash"), d.getString("hash"),
                d.getString("keyId"));
    }
}
