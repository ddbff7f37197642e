package credit.platform.scoring.score.adapter.mongo;

import credit.platform.scoring.score.domain.Score;
import credit.platform.scoring.score.domain.ScoreHistory;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every computed score in collection {@code score_history}, one insert per score (a single-document
 * write: no transaction needed). Holds ids, points and the explanation — no names or identifiers.
 */
@Repository
class MongoScoreHistory implements ScoreHistory {

    static final String HISTORY = "score_history";

    private final MongoTemplate mongo;

    MongoScoreHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void append(Score score) {
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
                .append("computedAt", Date.from(score.computedAt())), HISTORY);
    }
}
