package credit.platform.cli;

import credit.platform.client.PlatformProblemException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Calls the platform again when it says "not now": 429 (the client's budget, waiting as long as
 * {@code Retry-After} says), 502/503/504 and broken connections (backing off 1, 2, 4 … 30 s). Only for
 * calls that are safe to repeat — everything the CLI sends is (import ids, idempotency keys, checks).
 */
final class Retrying {

    static final int ATTEMPTS = 8;

    private Retrying() {
    }

    static <T> T call(String what, Supplier<T> call) {
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (PlatformProblemException e) {
                boolean again = e.status() == 429 || e.status() == 502 || e.status() == 503 || e.status() == 504;
                if (!again || attempt >= ATTEMPTS) {
                    throw e;
                }
                sleep(e.retryAfter().filter(d -> !d.isNegative()).orElse(backoff));
            } catch (feign.RetryableException e) { // connection refused or reset, read timeout
                if (attempt >= ATTEMPTS) {
                    throw new CliException(Exit.PLATFORM, what + ": the platform cannot be reached (" + e.getMessage() + ")");
                }
                sleep(backoff);
            }
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(50, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.PLATFORM, "interrupted");
        }
    }
}
