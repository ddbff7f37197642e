package credit.platform.sanctions.travel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The group commit of single answers: a lone answer is signed at once; once answers come concurrently
 * (a group of more than one), the next signature waits for the group interval and takes everything
 * that arrived meanwhile. No timing assertion: the interval is an hour or zero, and the signer is held
 * at its first signature by a latch to make a group of two.
 */
class ReceiptSignerTest {

    /** Counts signatures; the first one waits for {@code release}. */
    static final class HeldReceipts implements Receipts {
        final AtomicInteger signatures = new AtomicInteger();
        final CountDownLatch signing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String sign(Map<String, Object> claims) {
            if (signatures.incrementAndGet() == 1) {
                signing.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "h.p.s";
        }

        @Override
        public Optional<Map<String, Object>> verify(String receipt) {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> publishedKeys() {
            return Map.of();
        }
    }

    static byte[] decision(String s) {
        return ("{\"decision\":\"" + s + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLoneAnswerIsSignedAtOnceEvenWithAnInterval() throws Exception {
        HeldReceipts receipts = new HeldReceipts();
        receipts.release.countDown();
        try (ReceiptSigner signer = new ReceiptSigner(receipts, () -> "TR", Clock.systemUTC(), Duration.ofDays(1), Duration.ofHours(1))) {
            for (int i = 0; i < 3; i++) {
                // one at a time: each group is of one, so the hour never applies
                assertThat(signer.submit(decision("ALLOW")).get(30, TimeUnit.SECONDS)).startsWith("h.p.s~");
            }
            assertThat(receipts.signatures).hasValue(3);
        }
    }

    @Test
    void afterAGroupOfSeveralTheNextSignatureWaitsForTheIntervalAndTakesWhatArrivedMeanwhile() throws Exception {
        HeldReceipts receipts = new HeldReceipts();
        try (ReceiptSigner signer = new ReceiptSigner(receipts, () -> "TR", Clock.systemUTC(), Duration.ofDays(1), Duration.ofHours(1))) {
            CompletableFuture<String> first = signer.submit(decision("ALLOW"));
            assertThat(receipts.signing.await(30, TimeUnit.SECONDS)).isTrue(); // the signer holds the first
            CompletableFuture<String> second = signer.submit(decision("DENY"));
            CompletableFuture<String> third = signer.submit(decision("ALLOW"));
            receipts.release.countDown();
            second.get(30, TimeUnit.SECONDS);
            third.get(30, TimeUnit.SECONDS);
            assertThat(first).isCompleted();
            assertThat(receipts.signatures).as("second and third: one group, one signature").hasValue(2);

            CompletableFuture<String> fourth = signer.submit(decision("ALLOW"));
            CompletableFuture<String> fifth = signer.submit(decision("ALLOW"));
            // concurrent answers came last time: this group waits for the interval (an hour) to collect
            assertThat(fourth).isNotDone();
            assertThat(fifth).isNotDone();
            assertThat(receipts.signatures).hasValue(2);
        }
    }

    @Test
    void withoutAnIntervalEveryGroupIsSignedAsSoonAsThePreviousIsDone() throws Exception {
        HeldReceipts receipts = new HeldReceipts();
        try (ReceiptSigner signer = new ReceiptSigner(receipts, () -> "TR", Clock.systemUTC(), Duration.ofDays(1), Duration.ZERO)) {
            signer.submit(decision("ALLOW"));
            assertThat(receipts.signing.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> second = signer.submit(decision("ALLOW"));
            CompletableFuture<String> third = signer.submit(decision("ALLOW"));
            receipts.release.countDown();
            third.get(30, TimeUnit.SECONDS);
            assertThat(second).isCompleted();
            assertThat(signer.submit(decision("ALLOW")).get(30, TimeUnit.SECONDS)).startsWith("h.p.s~");
            assertThat(receipts.signatures).hasValue(3);
        }
    }

}
