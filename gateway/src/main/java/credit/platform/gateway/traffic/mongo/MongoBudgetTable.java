package credit.platform.gateway.traffic.mongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import credit.platform.gateway.traffic.BudgetTable;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The replicas' shared budget table, collection {@code gateway_budget_demand} of the audit database:
 * one document per gateway replica ({@code _id} = its id) holding when it last reported and its
 * smoothed demand per budget key ({@code demand: [{k, d}]}: keys hold client ids, which may contain
 * dots, so they are values, not field names). One upsert and one read per replica and interval.
 */
public final class MongoBudgetTable implements BudgetTable {

    static final String COLLECTION = "gateway_budget_demand";

    private final ReactiveMongoTemplate mongo;

    public MongoBudgetTable(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<List<Report>> exchange(Report mine, Duration liveFor) {
        List<Document> entries = new ArrayList<>(mine.demand().size());
        mine.demand().forEach((k, d) -> entries.add(new Document("k", k).append("d", d)));
        return mongo.upsert(Query.query(Criteria.where("_id").is(mine.replicaId())),
                        new Update().set("at", Date.from(mine.at())).set("demand", entries), COLLECTION)
                .thenMany(mongo.find(Query.query(Criteria.where("at").gte(Date.from(mine.at().minus(liveFor)))),
                        Document.class, COLLECTION))
                .map(MongoBudgetTable::report)
                .collectList();
    }

    private static Report report(Document d) {
        Map<String, Double> demand = new LinkedHashMap<>();
        for (Document e : d.getList("demand", Document.class, List.of())) {
            demand.put(e.getString("k"), ((Number) e.get("d")).doubleValue());
        }
        return new Report(d.getString("_id"), d.getDate("at").toInstant(), demand);
    }
}
