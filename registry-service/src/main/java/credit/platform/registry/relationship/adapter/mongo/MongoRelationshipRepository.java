package credit.platform.registry.relationship.adapter.mongo;

import credit.platform.feed.server.Outbox;
import credit.platform.feed.server.PendingEvent;
import credit.platform.registry.relationship.domain.Relationship;
import credit.platform.registry.subject.adapter.feed.RegistryFeed;
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

/**
 * Relationships in collection {@code relationships}, indexed by both parties. Days stored as ISO
 * strings. Recording or ending one carries the announcement of both parties in the same write.
 */
@Repository
public class MongoRelationshipRepository implements RelationshipRepository {

    static final String RELATIONSHIPS = "relationships";

    private final MongoTemplate mongo;
    private final RegistryFeed feed;
    private final java.time.Clock clock;

    public MongoRelationshipRepository(MongoTemplate mongo, RegistryFeed feed, java.time.Clock clock) {
        this.mongo = mongo;
        this.feed = feed;
        this.clock = clock;
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
                    .append("createdAt", Date.from(r.createdAt()))
                    .append(Outbox.PENDING, Outbox.pending(RegistryFeed.relationshipChanged(r.id(), "recorded",
                            r.fromSubjectId(), r.toSubjectId(), r.createdAt()).toArray(new PendingEvent[0]))),
                    RELATIONSHIPS);
            feed.publish(RELATIONSHIPS, r.id());
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
        Optional<Relationship> r = findById(id);
        if (r.isEmpty()) {
            return false;
        }
        Update update = Update.update("validTo", validTo.toString());
        update.push(Outbox.PENDING).each(Outbox.pending(RegistryFeed.relationshipChanged(id, "ended:" + validTo,
                r.get().fromSubjectId(), r.get().toSubjectId(), clock.instant()).toArray(new PendingEvent[0])).toArray());
        boolean ended = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("validTo").is(null)),
                update, RELATIONSHIPS).getModifiedCount() == 1;
        if (ended) {
            feed.publish(RELATIONSHIPS, id);
        }
        return ended;
    }

    private static Relationship of(Document d) {
        String to = d.getString("validTo");
        return new Relationship(d.getString("_id"), RelationshipType.valueOf(d.getString("type")),
                d.getString("fromSubjectId"), d.getString("toSubjectId"), LocalDate.parse(d.getString("validFrom")),
                to == null ? null : LocalDate.parse(to), ((Number) d.get("shareBasisPoints")).intValue(),
                d.getDate("createdAt").toInstant());
    }
}
