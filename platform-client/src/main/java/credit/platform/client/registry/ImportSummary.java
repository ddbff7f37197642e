package credit.platform.client.registry;

import java.time.Instant;

/**
 * An import run: RUNNING (counters saved every 500 lines), COMPLETED or FAILED.
 *
 * @param existing records already present (importing the same file again only counts here)
 * @param rejected lines in the error report
 */
public record ImportSummary(String id, String format, String status, long lines, long created, long existing,
        long rejected, Instant startedAt, Instant finishedAt) {
}
