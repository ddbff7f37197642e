package credit.platform.sanctions.travel.adapter.mongo;

import credit.platform.sanctions.travel.domain.DecisionLog;
import credit.platform.sanctions.travel.domain.DecisionLogEntry;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The decision log, collection {@code travel_decisions}: one document per DENY, keyed by its
 * decision id (a single-document insert): time, client, reasons (code, measure, list, record,
 * capacity), trip and index sequence — never the passenger's name or document number.
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
        mongo.insert(new Document("_id", e.decisionId())
                .append("decidedAt", Date.from(e.decidedAt()))
                .append("decision", "DENY")
                .append("client", e.client())
                .append("reasons", e.reasons().stream().map(r -> new Document("code", r.code())
                        .append("measure", r.measure())
                        .append("listId", r.listId())
                        .append("recordId", r.recordRef())
                        .append("authority", r.authority())
                        .append("capacity", r.capacity())).toList())
                .append("mode", e.mode().name())
                .append("serviceClass", e.serviceClass().name())
                .append("trainNumber", e.trainNumber())
                .append("travelAt", Date.from(e.travelAt()))
                .append("indexSequence", e.indexSequence()), DECISIONS);
    }
}
