package credit.platform.registry.bulkimport.domain;

import java.time.Instant;

/**
 * An import run and its counters; updated while it runs, so progress is visible.
 *
 * @param created  records that did not exist before
 * @param existing records already present (importing the same file again only adds to this)
 * @param rejected lines with an error (each in the error report)
 */
public record ImportJob(String id, String format, String status, long lines, long created, long existing,
        long rejected, Instant startedAt, Instant finishedAt) {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
}
