package credit.platform.lists.definition.adapter.mongo;

import credit.platform.lists.definition.domain.ListDefinition;
import credit.platform.lists.definition.domain.ListDefinitionRepository;
import credit.platform.lists.definition.domain.ListKind;
import credit.platform.lists.definition.domain.Publicity;
import credit.platform.lists.definition.domain.RepairPolicy;
import credit.platform.lists.definition.domain.SubjectKind;
import credit.platform.lists.definition.domain.TermPolicy;
import credit.platform.lists.definition.domain.TimeLimit;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** List definitions in collection {@code list_definitions}, one document per list, {@code _id} = list id. */
@Repository
class MongoListDefinitionRepository implements ListDefinitionRepository {

    static final String DEFINITIONS = "list_definitions";

    private final MongoTemplate mongo;

    MongoListDefinitionRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void upsert(ListDefinition definition) {
        // One atomic single-document replace-or-insert.
        mongo.getCollection(DEFINITIONS).replaceOne(new Document("_id", definition.id()), toDocument(definition),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<ListDefinition> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, DEFINITIONS))
                .map(MongoListDefinitionRepository::toDefinition);
    }

    @Override
    public List<ListDefinition> findAll() {
        return mongo.find(new Query(Criteria.where("_id").exists(true)), Document.class, DEFINITIONS).stream()
                .map(MongoListDefinitionRepository::toDefinition)
                .toList();
    }

    private static Document toDocument(ListDefinition d) {
        TermPolicy t = d.term();
        return new Document("_id", d.id())
                .append("name", d.name())
                .append("kind", d.kind().name())
                .append("issuingAuthority", d.issuingAuthority())
                .append("legalBasis", d.legalBasis())
                .append("subjectKinds", d.subjectKinds().stream().map(Enum::name).sorted().toList())
                .append("defaultDuration", text(t.defaultDuration()))
                .append("minDuration", text(t.minDuration()))
                .append("maxDuration", text(t.maxDuration()))
                .append("minExtension", text(t.minExtension()))
                .append("maxExtension", text(t.maxExtension()))
                .append("untilDeletionGround", t.untilDeletionGround())
                .append("publicity", d.publicity().name())
                .append("objectionWindow", limit(d.objectionWindow()))
                .append("objectionDecision", limit(d.objectionDecision()))
                .append("removalDeadline", limit(d.removalDeadline()))
                .append("excludesMinors", d.excludesMinors())
                .append("repair", d.repair() == null ? null
                        : new Document("minimumPublicity", d.repair().minimumPublicity().toString())
                                .append("decision", limit(d.repair().decision())));
    }

    private static ListDefinition toDefinition(Document d) {
        TermPolicy term = new TermPolicy(period(d.getString("defaultDuration")), period(d.getString("minDuration")),
                period(d.getString("maxDuration")), period(d.getString("minExtension")),
                period(d.getString("maxExtension")), d.getBoolean("untilDeletionGround", false));
        return new ListDefinition(d.getString("_id"), d.getString("name"), ListKind.valueOf(d.getString("kind")),
                d.getString("issuingAuthority"), d.getString("legalBasis"),
                d.getList("subjectKinds", String.class).stream().map(SubjectKind::valueOf).collect(Collectors.toSet()),
                term, Publicity.valueOf(d.getString("publicity")), limit(d.get("objectionWindow", Document.class)),
                limit(d.get("objectionDecision", Document.class)), limit(d.get("removalDeadline", Document.class)),
                d.getBoolean("excludesMinors", false), repair(d.get("repair", Document.class)));
    }

    private static RepairPolicy repair(Document d) {
        return d == null ? null
                : new RepairPolicy(Period.parse(d.getString("minimumPublicity")), limit(d.get("decision", Document.class)));
    }

    private static String text(Period p) {
        return p == null ? null : p.toString();
    }

    private static Period period(String iso) {
        return iso == null ? null : Period.parse(iso);
    }

    private static Document limit(TimeLimit limit) {
        return limit == null ? null : new Document("amount", limit.amount()).append("unit", limit.unit().name());
    }

    private static TimeLimit limit(Document d) {
        return d == null ? null : new TimeLimit(d.getInteger("amount"), TimeLimit.Unit.valueOf(d.getString("unit")));
    }
}
