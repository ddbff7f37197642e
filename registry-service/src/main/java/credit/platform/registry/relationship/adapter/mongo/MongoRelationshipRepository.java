package credit.platform.registry.relationship.adapter.mongo;

import credit.platform.registry.relationship.domain.Relationship;
import credit.platform.registry.relationship.domain.RelationshipRepository;
import credit.platform.registry.relationship.domain.RelationshipType;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Relationships in collection {@code relationships}, indexed by both parties. Days stored as ISO strings. */
@Repository
public class MongoRelationshipRepository implements RelationshipRepository {

    static final String RELATIONSHIPS = "relationships";

    private final MongoTemplate mongo;

    public MongoRelationshipRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(RELATIONSHIPS).createIndex(new Index().on("fromSubjectId", Sort.Direction.ASC));
        mongo.indexOps(RELATIONSHIPS).createIndex(new Index().on("toSubjectId", Sort.Direction.ASC));
    }

    @Override
    public boolean insert(Relationship r) {
        try {
            mongo.insert(new Document("_id", r.id())
                    .append("type", r.type().name())
                    .append("fromSubjectId", r.fromSubjectId())
                    .append("toSubjectId", r.toSubjectId())
                    .append("validFrom", r.validFrom().toString())
                    .append("validTo", r.validTo() == null ? null : r.validTo().toString())
                    .append("shareBasisPoints", r.shareBasisPoints())
                    .append("createdAt", Date.from(r.createdAt())), RELATIONSHIPS);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public Optional<Relationship> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, RELATIONSHIPS)).map(MongoRelationshipRepository::of);
    }

    @Override
    public List<Relationship> from(String subjectId) {
        return by("fromSubjectId", subjectId);
    }

    @Override
    public List<Relationship> to(String subjectId) {
        return by("toSubjectId", subjectId);
    }

    private List<Relationship> by(String field, String subjectId) {
        return mongo.find(Query.query(Criteria.where(field).is(subjectId)), Document.class, RELATIONSHIPS).stream()
                .map(MongoRelationshipRepository::of).toList();
    }

    @Override
    public boolean end(String id, LocalDate validTo) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("validTo").is(null)),
                Update.update("validTo", validTo.toString()), RELATIONSHIPS).getModifiedCount() == 1;
    }

    private static Relationship of(Document d) {
        String to = d.getString("validTo");
        return new Relationship(d.getString("_id"), RelationshipType.valueOf(d.getString("type")),
                d.getString("fromSubjectId"), d.getString("toSubjectId"), LocalDate.parse(d.getString("validFrom")),
                to == null ? null : LocalDate.parse(to), ((Number) d.get("shareBasisPoints")).intValue(),
                d.getDate("createdAt").toInstant());
    }
}
