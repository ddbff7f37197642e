package credit.platform.sanctions.travel.adapter.mongo;

import credit.platform.sanctions.travel.domain.DecisionLog;
import credit.platform.sanctions.travel.domain.DecisionLogEntry;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The decision log, collection {@code travel_decisions}: one document per DENY, keyed by its
 * decision reference (a single-document insert). Holds the subject id, list and record — never the
 * passenger's name or document number.
 */
@Repository
class MongoDecisionLog implements DecisionLog {

    static final String DECISIONS = "travel_decisions";

    private final MongoTemplate mongo;

    MongoDecisionLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void append(DecisionLogEntry e) {
        mongo.insert(new Document("_id", e.reference())
                .append("decidedAt", Date.from(e.decidedAt()))
                .append("decision", "DENY")
                .append("subjectId", e.subjectId())
                .append("listId", e.listId())
                .append("recordId", e.recordId())
                .append("reasonCode", e.reasonCode())
                .append("mode", e.mode().name())
                .append("serviceClass", e.serviceClass().name())
                .append("departure", Date.from(e.departure())), DECISIONS);
    }
}
