package credit.platform.gateway.audit.domain;

import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only, hash-chained audit log (port; the Mongo adapter implements it). */
public interface AuditLog {

    /**
     * Appends the draft as the next entry of the chain. Non-blocking: subscribing puts the draft on
     * this gateway's bounded append queue and returns at once; the {@link Mono} then reports the
     * outcome — the stored entry, or {@link AuditUnavailableException} at once when the queue is
     * full, or when the draft waited in the queue longer than allowed (it is then dropped and never
     * written later), or when the store failed and a read-back did not find the entry. Do not put a
     * shorter timeout of your own on it: a write already under way may still succeed, and an answer
     * withheld for an entry that was stored would make the entry's status untrue.
     */
    Mono<AuditEntry> append(AuditEntry.Draft draft);

    /**
     * {@link #append} started now (the draft is queued before this returns), for a caller that
     * sends its answer first and learns the outcome later.
     */
    default java.util.concurrent.CompletableFuture<AuditEntry> submit(AuditEntry.Draft draft) {
        return append(draft).toFuture();
    }

    /** Walks the whole chain and says whether it is intact. */
    default Mono<AuditChain.Verdict> verify() {
        return verify(List.of());
    }

    /** Walks the whole chain; it must also still hold every head published earlier ({@code anchors}). */
    Mono<AuditChain.Verdict> verify(List<AuditChain.Anchor> anchors);

    /** The current head (sequence and hash), to publish outside the database; empty before the first entry. */
    Mono<AuditChain.Anchor> head();

    /** Entries touching any of {@code subjectRefs}, newest first, at most {@code limit}. */
    default Flux<AuditEntry> touching(Collection<String> subjectRefs, int limit) {
        return touching(subjectRefs, Long.MAX_VALUE, limit);
    }

    /**
     * Entries touching any of {@code subjectRefs} with a sequence below {@code beforeSequence}, newest
     * first, at most {@code limit}: the next page of an access log after the entry {@code beforeSequence}.
     */
    Flux<AuditEntry> touching(Collection<String> subjectRefs, long beforeSequence, int limit);

    /**
     * Adds {@code increments} (counter name → amount: {@code total}, {@code answered}, {@code failed},
     * {@code allow}, {@code deny}) to the travel-check counters of {@code clientId} on {@code day}
     * (yyyy-MM-dd), in one write. Called periodically with what was counted in memory meanwhile: an
     * ALLOW is only counted, never recorded with its subject.
     */
    Mono<Void> addTravelCounts(String clientId, String day, java.util.Map<String, Long> increments);
}
