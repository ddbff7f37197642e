package credit.platform.gateway.audit.domain;

import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The append-only, hash-chained audit log (port; the Mongo adapter implements it). */
public interface AuditLog {

    /** Appends the draft as the next entry of the chain; completes once the entry is stored. */
    Mono<AuditEntry> append(AuditEntry.Draft draft);

    /** Walks the whole chain and says whether it is intact. */
    default Mono<AuditChain.Verdict> verify() {
        return verify(List.of());
    }

    /** Walks the whole chain; it must also still hold every head published earlier ({@code anchors}). */
    Mono<AuditChain.Verdict> verify(List<AuditChain.Anchor> anchors);

    /** The current head (sequence and hash), to publish outside the database; empty before the first entry. */
    Mono<AuditChain.Anchor> head();

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
