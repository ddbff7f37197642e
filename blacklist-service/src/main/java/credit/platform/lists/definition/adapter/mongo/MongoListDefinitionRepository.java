package credit.platform.lists.definition.adapter.mongo;

import credit.platform.lists.definition.domain.ListDefinition;
import credit.platform.lists.definition.domain.ListDefinitionRepository;
import credit.platform.lists.definition.domain.ListKind;
import credit.platform.lists.definition.domain.Publicity;
import credit.platform.lists.definition.domain.RepairPolicy;
import credit.platform.lists.definition.domain.SubjectKind;
import credit.platform.lists.definition.domain.TermPolicy;
import credit.platform.lists.definition.domain.TimeLimit;
import credit.platform.lists.definition.domain.VersionedDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
        // One atomic single-document replace-or-insert, only over a definition no admin has edited:
        // an edited one makes the upsert collide on _id, and the admin's rules stay.
        try {
            mongo.getCollection(DEFINITIONS).replaceOne(
                    new Document("_id", definition.id()).append("editedBy", new Document("$exists", false)),
                    toDocument(definition).append("version", 1L),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException | org.springframework.dao.DuplicateKeyException edited) {
            // kept as the platform admin edited it
        }
    }

    @Override
    public Optional<VersionedDefinition> findVersioned(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, DEFINITIONS)).map(d -> new VersionedDefinition(
                toDefinition(d), version(d), d.getString("editedBy"),
                d.getDate("editedAt") == null ? null : d.getDate("editedAt").toInstant()));
    }

    @Override
    public boolean replace(ListDefinition next, long expectedVersion, String editedBy, Instant at) {
        Document current = mongo.findById(next.id(), Document.class, DEFINITIONS);
        if (current == null || version(current) != expectedVersion) {
            return false;
        }
        List<Document> history = new ArrayList<>(current.getList("history", Document.class, List.of()));
        Document previous = new Document(current);
        previous.remove("history");
        previous.remove("_id");
        history.add(previous);
        Document replacement = toDocument(next)
                .append("version", expectedVersion + 1)
                .append("editedBy", editedBy)
                .append("editedAt", Date.from(at))
                .append("history", history);
        return mongo.getCollection(DEFINITIONS)
                .replaceOne(new Document("_id", next.id()).append("version", expectedVersion), replacement)
                .getMatchedCount() == 1;
    }

    private static long version(Document d) {
        Object v = d.get("version");
        return v == null ? 1 : ((Number) v).longValue();
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
                                .append("decision", limit(d.repair().decision())))
                .append("grounds", d.grounds().stream().map(g -> new Document("code", g.code())
                        .append("title", g.title()).append("openEnded", g.openEnded())).toList());
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
                d.getBoolean("excludesMinors", false), repair(d.get("repair", Document.class)),
                d.getList("grounds", Document.class, List.of()).stream()
                        .map(g -> new credit.platform.lists.definition.domain.ListingGround(g.getString("code"),
                                g.getString("title"), g.getBoolean("openEnded", false)))
                        .toList());
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
