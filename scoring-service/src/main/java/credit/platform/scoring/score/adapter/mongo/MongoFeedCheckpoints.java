package credit.platform.scoring.score.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import credit.platform.scoring.score.domain.FeedCheckpoints;
import java.util.OptionalLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The last processed sequence per feed in collection {@code feed_checkpoints} (one upsert each). */
@Repository
class MongoFeedCheckpoints implements FeedCheckpoints {

    static final String CHECKPOINTS = "feed_checkpoints";

    private final MongoTemplate mongo;

    MongoFeedCheckpoints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public OptionalLong load(String feed) {
        Document d = mongo.getCollection(CHECKPOINTS).find(Filters.eq("_id", feed)).first();
        return d == null ? OptionalLong.empty() : OptionalLong.of(((Number) d.get("sequence")).longValue());
    }

    @Override
    public void save(String feed, long sequence) {
        mongo.getCollection(CHECKPOINTS).updateOne(Filters.eq("_id", feed), Updates.set("sequence", sequence),
                new UpdateOptions().upsert(true));
    }
}
