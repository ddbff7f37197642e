package credit.platform.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import credit.platform.gateway.audit.domain.AuditChain;
import credit.platform.gateway.audit.domain.AuditEntry;
import credit.platform.gateway.audit.domain.AuditLog;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The head is published when it moved, once, and never when the chain is empty. */
class AuditAnchorsTest {

    static final String HASH_A = "a".repeat(64);
    static final String HASH_B = "b".repeat(64);

    /** Only {@link #head()} is used; stands in for the Mongo-backed log. */
    static final class HeadOnlyLog implements AuditLog {
        final AtomicReference<AuditChain.Anchor> head = new AtomicReference<>();

        @Override
        public Mono<AuditChain.Anchor> head() {
            return Mono.justOrEmpty(head.get());
        }

        @Override
        public Mono<AuditEntry> append(AuditEntry.Draft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<AuditChain.Verdict> verify(List<AuditChain.Anchor> anchors) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<AuditEntry> touching(Collection<String> subjectRefs, long beforeSequence, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> addTravelCounts(String clientId, String day, java.util.Map<String, Long> increments) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theHeadIsPublishedOnceEachTimeItMoves() {
        HeadOnlyLog log = new HeadOnlyLog();
        AuditAnchors anchors = new AuditAnchors(log, Duration.ZERO);

        assertThat(anchors.publishIfMoved().blockOptional()).as("empty chain: nothing to publish").isEmpty();
        log.head.set(new AuditChain.Anchor(1, HASH_A));
        assertThat(anchors.publishIfMoved().block()).isEqualTo(new AuditChain.Anchor(1, HASH_A));
        assertThat(anchors.publishIfMoved().blockOptional()).as("not moved: not published again").isEmpty();
        log.head.set(new AuditChain.Anchor(2, HASH_B));
        assertThat(anchors.publishIfMoved().block()).isEqualTo(new AuditChain.Anchor(2, HASH_B));
    }

    @Test
    void aZeroIntervalNeverSchedules() {
        AuditAnchors anchors = new AuditAnchors(new HeadOnlyLog(), Duration.ZERO);
        anchors.start();
        assertThat(anchors.isRunning()).isFalse();
    }
}
