package credit.platform.scoring.score.domain;

import java.util.List;
import java.util.Optional;

/** Port: recompute jobs and their progress (one document per job, replaced as it progresses). */
public interface RecomputeJobs {

    Optional<RecomputeJob> find(String id);

    void save(RecomputeJob job);

    List<RecomputeJob> unfinished();
}
