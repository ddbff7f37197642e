package credit.platform.registry.bulkimport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Progress and error report of an import, with an in-memory import store (no subjects touched). */
class ImportServiceTest {

    /** In-memory stand-in for the Mongo import store; remembers every saved state of a run. */
    static final class InMemoryImports implements ImportRepository {
        final Map<String, ImportJob> jobs = new HashMap<>();
        final List<ImportJob> saves = new ArrayList<>();
        final List<ImportError> errors = new ArrayList<>();

        @Override
        public boolean start(ImportJob job) {
            return jobs.putIfAbsent(job.id(), job) == null;
        }

        @Override
        public void save(ImportJob job) {
            jobs.put(job.id(), job);
            saves.add(job);
        }

        @Override
        public Optional<ImportJob> find(String id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public void addError(String jobId, ImportError error) {
            errors.add(error);
        }

        @Override
        public List<ImportError> errors(String jobId, long afterLine, int limit) {
            return errors.stream().filter(e -> e.line() > afterLine).limit(limit).toList();
        }
    }

    @Test
    void countersAreSavedWhileTheImportRunsAndEachBadLineIsReportedWithItsNumber() {
        InMemoryImports store = new InMemoryImports();
        ImportService imports = new ImportService(store, null, null, null,
                Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC));
        Iterator<ImportLine.Numbered> lines = LongStream.rangeClosed(1, 1_200)
                .mapToObj(n -> new ImportLine.Numbered(n * 2, new ImportLine.Unreadable("json", "not JSON")))
                .iterator();

        assertThat(imports.start("run", "ndjson")).isTrue();
        assertThat(imports.start("run", "ndjson")).isFalse();
        ImportJob done = imports.run("run", lines, "test");

        assertThat(store.saves).extracting(ImportJob::status, ImportJob::lines).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ImportJob.RUNNING, 500L),
                org.assertj.core.groups.Tuple.tuple(ImportJob.RUNNING, 1_000L),
                org.assertj.core.groups.Tuple.tuple(ImportJob.COMPLETED, 1_200L));
        assertThat(done.rejected()).isEqualTo(1_200);
        assertThat(store.errors).hasSize(1_200);
        assertThat(store.errors.getLast().line()).isEqualTo(2_400);
    }
}
