package credit.platform.scoring.score.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import credit.platform.scoring.score.domain.RecomputeJob;
import credit.platform.scoring.score.domain.RecomputeJobs;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Recompute jobs in collection {@code recompute_jobs}, {@code _id} = job id; replaced as they progress. */
@Repository
class MongoRecomputeJobs implements RecomputeJobs {

    static final String JOBS = "recompute_jobs";

    private final MongoTemplate mongo;

    MongoRecomputeJobs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<RecomputeJob> find(String id) {
        return Optional.ofNullable(mongo.getCollection(JOBS).find(Filters.eq("_id", id)).first())
                .map(MongoRecomputeJobs::toJob);
    }

    @Override
    public void save(RecomputeJob job) {
        mongo.getCollection(JOBS).replaceOne(Filters.eq("_id", job.id()), new Document("_id", job.id())
                .append("modelId", job.modelId())
                .append("version", job.modelVersion())
                .append("state", job.state().name())
                .append("total", job.total())
                .append("done", job.done())
                .append("changed", job.changed())
                .append("lastSubjectId", job.lastSubjectId())
                .append("startedAt", Date.from(job.startedAt()))
                .append("finishedAt", job.finishedAt() == null ? null : Date.from(job.finishedAt())),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public List<RecomputeJob> unfinished() {
        List<RecomputeJob> out = new ArrayList<>();
        mongo.getCollection(JOBS).find(Filters.eq("state", "RUNNING")).forEach(d -> out.add(toJob(d)));
        return out;
    }

    private static RecomputeJob toJob(Document d) {
        Date finished = d.getDate("finishedAt");
        return new RecomputeJob(d.getString("_id"), d.getString("modelId"), ((Number) d.get("version")).intValue(),
                RecomputeJob.State.valueOf(d.getString("state")), ((Number) d.get("total")).longValue(),
                ((Number) d.get("done")).longValue(), ((Number) d.get("changed")).longValue(),
                d.getString("lastSubjectId"), d.getDate("startedAt").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
