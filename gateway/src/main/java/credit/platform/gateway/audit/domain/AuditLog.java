package credit.platform.gateway.audit.domain;

import java.util.Collection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only, hash-chained audit log (port; the Mongo adapter implements it). */
public interface AuditLog {

    /** Appends the draft as the next entry of the chain; completes once the entry is stored. */
    Mono<AuditEntry> append(AuditEntry.Draft draft);

    /** Walks the whole chain and says whether it is intact. */
    Mono<AuditChain.Verdict> verify();

    /** Entries touching any of {@code subjectRefs}, newest first, at most {@code limit}. */
    Flux<AuditEntry> touching(Collection<String> subjectRefs, int limit);

    /** Counts one travel check of {@code clientId} on {@code day} (yyyy-MM-dd) with {@code status}. */
    Mono<Void> countTravelCheck(String clientId, String day, int status);

    /**
     * Counts the answers of travel checks of {@code clientId} on {@code day} (yyyy-MM-dd) by
     * decision: an ALLOW is only counted, never recorded with its subject.
     */
    Mono<Void> countTravelDecisions(String clientId, String day, int allows, int denies);
}
