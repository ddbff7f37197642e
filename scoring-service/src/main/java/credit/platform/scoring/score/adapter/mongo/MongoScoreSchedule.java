package credit.platform.scoring.score.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import credit.platform.scoring.score.domain.NextChange;
import credit.platform.scoring.score.domain.ScoreSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The time-driven schedule in collection {@code score_schedule}: one document per subject and model
 * ({@code _id} = {@code <modelId>/<subjectId>}) with {@code nextChangeAt} (indexed) and
 * {@code what} (no {@code nextChangeAt}: planned, nothing changes with time alone). Every write is one conditional single-document update: a claim is a compare-and-set
 * on {@code nextChangeAt} that also sets {@code claimToken} and {@code claimUntil} (a lease, by the
 * injected clock, not a TTL index); a release only applies while the token holds.
 */
@Repository
class MongoScoreSchedule implements ScoreSchedule {

    static final String SCHEDULE = "score_schedule";
    private static final Logger log = LoggerFactory.getLogger(MongoScoreSchedule.class);

    private final MongoTemplate mongo;

    MongoScoreSchedule(MongoTemplate mongo) {
        this.mongo = mongo;
        try {
            mongo.getCollection(SCHEDULE).createIndex(Indexes.ascending("nextChangeAt"));
        } catch (RuntimeException e) {
            log.warn("score_schedule index not created ({}); due lookups scan", e.getMessage());
        }
    }

    private static String id(String subjectId, String modelId) {
        return modelId + "/" + subjectId;
    }

    private static Bson unclaimed(Instant now) {
        return Filters.or(Filters.exists("claimUntil", false), Filters.lte("claimUntil", Date.from(now)));
    }

    private static Bson setNext(NextChange next) {
        return next == null
                ? Updates.combine(Updates.unset("nextChangeAt"), Updates.unset("what"))
                : Updates.combine(Updates.set("nextChangeAt", Date.from(next.at())), Updates.set("what", next.what()));
    }

    @Override
    public void plan(String subjectId, String modelId, NextChange next, Instant now) {
        try {
            mongo.getCollection(SCHEDULE).updateOne(Filters.and(Filters.eq("_id", id(subjectId, modelId)), unclaimed(now)),
                    Updates.combine(Updates.set("subjectId", subjectId), Updates.set("modelId", modelId), setNext(next),
                            Updates.unset("claimToken"), Updates.unset("claimUntil")),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Claimed by a time-driven run right now: it plans the next change when it releases.
        }
    }

    @Override
    public Optional<Due> find(String subjectId, String modelId) {
        Document d = mongo.getCollection(SCHEDULE).find(Filters.eq("_id", id(subjectId, modelId))).first();
        return Optional.ofNullable(d).map(MongoScoreSchedule::toDue);
    }

    @Override
    public void bringForward(String modelId, Instant at, String what, Instant now) {
        mongo.getCollection(SCHEDULE).updateMany(Filters.and(Filters.eq("modelId", modelId), unclaimed(now),
                Filters.or(Filters.exists("nextChangeAt", false), Filters.gt("nextChangeAt", Date.from(at)))),
                Updates.combine(Updates.set("nextChangeAt", Date.from(at)), Updates.set("what", what)));
    }

    @Override
    public List<Due> dueBy(Instant now, int limit) {
        List<Due> out = new ArrayList<>();
        mongo.getCollection(SCHEDULE)
                .find(Filters.and(Filters.lte("nextChangeAt", Date.from(now)), unclaimed(now)))
                .sort(Sorts.orderBy(Sorts.ascending("nextChangeAt"), Sorts.ascending("_id")))
                .limit(limit)
                .forEach(d -> out.add(toDue(d)));
        return out;
    }

    @Override
    public Optional<String> claim(Due due, Instant now, Duration lease) {
        String token = UUID.randomUUID().toString();
        long claimed = mongo.getCollection(SCHEDULE).updateOne(
                Filters.and(Filters.eq("_id", id(due.subjectId(), due.modelId())),
                        Filters.eq("nextChangeAt", Date.from(due.at())), unclaimed(now)),
                Updates.combine(Updates.set("claimToken", token), Updates.set("claimUntil", Date.from(now.plus(lease)))))
                .getModifiedCount();
        return claimed == 1 ? Optional.of(token) : Optional.empty();
    }

    @Override
    public void release(Due due, String token, NextChange next) {
        mongo.getCollection(SCHEDULE).updateOne(
                Filters.and(Filters.eq("_id", id(due.subjectId(), due.modelId())), Filters.eq("claimToken", token)),
                Updates.combine(setNext(next), Updates.unset("claimToken"), Updates.unset("claimUntil")));
    }

    private static Due toDue(Document d) {
        Date at = d.getDate("nextChangeAt");
        return new Due(d.getString("subjectId"), d.getString("modelId"), at == null ? null : at.toInstant(),
                d.getString("what") == null ? "" : d.getString("what"));
    }
}
