package credit.platform.registry.permit.adapter.mongo;

import credit.platform.feed.server.Outbox;
import credit.platform.registry.permit.domain.Permit;
import credit.platform.registry.subject.adapter.feed.RegistryFeed;
import credit.platform.registry.permit.domain.PermitRepository;
import credit.platform.registry.permit.domain.PermitStatus;
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

/** Permits in collection {@code permits}, indexed by holder; each write carries its change-feed announcement. */
@Repository
public class MongoPermitRepository implements PermitRepository {

    static final String PERMITS = "permits";

    private final MongoTemplate mongo;
    private final RegistryFeed feed;
    private final java.time.Clock clock;

    public MongoPermitRepository(MongoTemplate mongo, RegistryFeed feed, java.time.Clock clock) {
        this.mongo = mongo;
        this.feed = feed;
        this.clock = clock;
        mongo.indexOps(PERMITS).createIndex(new Index().on("subjectId", Sort.Direction.ASC));
    }

    @Override
    public boolean insert(Permit p) {
        try {
            mongo.insert(new Document("_id", p.id()).append("subjectId", p.subjectId()).append("type", p.type())
                    .append("issuer", p.issuer()).append("number", p.number())
                    .append("validFrom", p.validFrom().toString())
                    .append("validTo", p.validTo() == null ? null : p.validTo().toString())
                    .append("status", p.status().name()).append("createdAt", Date.from(p.createdAt()))
                    .append(Outbox.PENDING, Outbox.pending(RegistryFeed.permitChanged(p.subjectId(), p.id(), "recorded",
                            p.createdAt()))), PERMITS);
            feed.publish(PERMITS, p.id());
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public Optional<Permit> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, PERMITS)).map(MongoPermitRepository::of);
    }

    @Override
    public List<Permit> ofSubject(String subjectId) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId)), Document.class, PERMITS).stream()
                .map(MongoPermitRepository::of).toList();
    }

    @Override
    public boolean setStatus(String id, PermitStatus status) {
        Optional<Permit> p = findById(id);
        if (p.isEmpty()) {
            return false;
        }
        Update update = Update.update("status", status.name());
        update.push(Outbox.PENDING).each(Outbox.pending(RegistryFeed.permitChanged(p.get().subjectId(), id,
                "status:" + status.name(), clock.instant())).toArray());
        boolean found = mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, PERMITS).getMatchedCount() == 1;
        if (found) {
            feed.publish(PERMITS, id);
        }
        return found;
    }

    private static Permit of(Document d) {
        String to = d.getString("validTo");
        return new Permit(d.getString("_id"), d.getString("subjectId"), d.getString("type"), d.getString("issuer"),
                d.getString("number"), LocalDate.parse(d.getString("validFrom")), to == null ? null : LocalDate.parse(to),
                PermitStatus.valueOf(d.getString("status")), d.getDate("createdAt").toInstant());
    }
}
