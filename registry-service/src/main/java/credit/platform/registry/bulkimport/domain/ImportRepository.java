package credit.platform.registry.bulkimport.domain;

import java.util.List;
import java.util.Optional;

/** Import runs and their error reports (port). */
public interface ImportRepository {

    /** Records a new run; false when a run with this id exists. */
    boolean start(ImportJob job);

    /** Overwrites the counters and status of a run (one single-document write). */
    void save(ImportJob job);

    Optional<ImportJob> find(String id);

    /** Idempotent per (run, line, rule). */
    void addError(String jobId, ImportError error);

    List<ImportError> errors(String jobId, long afterLine, int limit);
}
