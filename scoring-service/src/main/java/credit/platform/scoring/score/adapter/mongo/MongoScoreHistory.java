package credit.platform.scoring.score.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import credit.platform.scoring.score.domain.Contribution;
import credit.platform.scoring.score.domain.Score;
import credit.platform.scoring.score.domain.ScoreHistory;
import credit.platform.scoring.score.domain.StoredScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every change of a score in collection {@code score_history}, one insert per entry (a
 * single-document write: no transaction needed), never updated. Holds ids, points, the model
 * version, the explanation and the cause — no names or identifiers.
 */
@Repository
class MongoScoreHistory implements ScoreHistory {

    static final String HISTORY = "score_history";
    private static final Logger log = LoggerFactory.getLogger(MongoScoreHistory.class);

    private final MongoTemplate mongo;

    MongoScoreHistory(MongoTemplate mongo) {
        this.mongo = mongo;
        try {
            mongo.getCollection(HISTORY).createIndex(Indexes.ascending("subjectId", "modelId", "computedAt"));
        } catch (RuntimeException e) {
            log.warn("score_history index not created ({}); lookups scan", e.getMessage());
        }
    }

    @Override
    public void append(Score score, String cause) {
        mongo.insert(new Document("subjectId", score.subjectId())
                .append("modelId", score.modelId())
                .append("version", score.modelVersion())
                .append("basePoints", score.basePoints())
                .append("points", score.points())
                .append("grade", score.grade())
                .append("contributions", score.contributions().stream()
                        .map(c -> new Document("ruleId", c.ruleId())
                                .append("sourceRef", c.sourceRef())
                                .append("points", c.points())
                                .append("description", c.description()))
                        .toList())
                .append("cause", cause)
                .append("computedAt", Date.from(score.computedAt())), HISTORY);
    }

    @Override
    public Optional<StoredScore> latest(String subjectId, String modelId) {
        return first(Filters.and(Filters.eq("subjectId", subjectId), Filters.eq("modelId", modelId)));
    }

    @Override
    public Optional<StoredScore> latestAt(String subjectId, String modelId, Instant at) {
        return first(Filters.and(Filters.eq("subjectId", subjectId), Filters.eq("modelId", modelId),
                Filters.lte("computedAt", Date.from(at))));
    }

    @Override
    public List<StoredScore> list(String subjectId, String modelId, int limit) {
        List<StoredScore> out = new ArrayList<>();
        mongo.getCollection(HISTORY)
                .find(Filters.and(Filters.eq("subjectId", subjectId), Filters.eq("modelId", modelId)))
                .sort(Sorts.orderBy(Sorts.descending("computedAt"), Sorts.descending("_id")))
                .limit(limit)
                .forEach(d -> out.add(toStored(d)));
        return out;
    }

    @Override
    public SortedSet<String> subjectsScoredBy(String modelId) {
        SortedSet<String> subjects = new TreeSet<>();
        mongo.getCollection(HISTORY).find(Filters.eq("modelId", modelId))
                .projection(Projections.include("subjectId"))
                .forEach(d -> subjects.add(d.getString("subjectId")));
        return subjects;
    }

    private Optional<StoredScore> first(Bson filter) {
        Document d = mongo.getCollection(HISTORY).find(filter)
                .sort(Sorts.orderBy(Sorts.descending("computedAt"), Sorts.descending("_id")))
                .limit(1).first();
        return Optional.ofNullable(d).map(MongoScoreHistory::toStored);
    }

    private static StoredScore toStored(Document d) {
        List<Contribution> contributions = d.getList("contributions", Document.class).stream()
                .map(c -> new Contribution(c.getString("ruleId"), c.getString("sourceRef"),
                        ((Number) c.get("points")).longValue(), c.getString("description")))
                .toList();
        Score score = new Score(d.getString("subjectId"), d.getString("modelId"), ((Number) d.get("version")).intValue(),
                ((Number) d.get("basePoints")).longValue(), ((Number) d.get("points")).longValue(), d.getString("grade"),
                contributions, d.getDate("computedAt").toInstant());
        return new StoredScore(score, d.getString("cause") == null ? "" : d.getString("cause"));
    }
}
