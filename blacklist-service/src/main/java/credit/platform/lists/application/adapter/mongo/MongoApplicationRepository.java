package credit.platform.lists.application.adapter.mongo;

import com.mongodb.client.model.Indexes;
import credit.platform.lists.application.domain.Application;
import credit.platform.lists.application.domain.ApplicationKind;
import credit.platform.lists.application.domain.ApplicationRepository;
import credit.platform.lists.application.domain.ApplicationStatus;
import credit.platform.lists.record.domain.RemovalGround;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Objections and repair applications in collection {@code applications}, one document each. */
@Repository
class MongoApplicationRepository implements ApplicationRepository {

    static final String APPLICATIONS = "applications";
    private static final List<String> OPEN = List.of(ApplicationStatus.FILED.name(), ApplicationStatus.ACKNOWLEDGED.name());

    private final MongoTemplate mongo;

    MongoApplicationRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(APPLICATIONS).createIndex(Indexes.ascending("recordId"));
        mongo.getCollection(APPLICATIONS).createIndex(Indexes.ascending("status", "authority"));
    }

    @Override
    public boolean insert(Application application) {
        try {
            mongo.insert(toDocument(application), APPLICATIONS);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public boolean replace(Application next, long expectedVersion) {
        return mongo.getCollection(APPLICATIONS)
                .replaceOne(new Document("_id", next.id()).append("version", expectedVersion), toDocument(next))
                .getMatchedCount() == 1;
    }

    @Override
    public Optional<Application> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, APPLICATIONS)).map(MongoApplicationRepository::toApplication);
    }

    @Override
    public void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), APPLICATIONS);
    }

    @Override
    public List<Application> findByRecord(String recordId) {
        return mongo.find(Query.query(Criteria.where("recordId").is(recordId)), Document.class, APPLICATIONS).stream()
                .map(MongoApplicationRepository::toApplication)
                .toList();
    }

    @Override
    public List<Application> findOpen(String authority) {
        Criteria open = Criteria.where("status").in(OPEN);
        if (authority != null) {
            open = open.and("authority").is(authority);
        }
        return mongo.find(Query.query(open), Document.class, APPLICATIONS).stream()
                .map(MongoApplicationRepository::toApplication)
                .toList();
    }

    private static Document toDocument(Application a) {
        return new Document("_id", a.id())
                .append("kind", a.kind().name())
                .append("recordId", a.recordId())
                .append("listId", a.listId())
                .append("authority", a.authority())
                .append("filedBy", a.filedBy())
                .append("reason", a.reason())
                .append("filedAt", date(a.filedAt()))
                .append("decideBy", a.decideBy() == null ? null : a.decideBy().toString())
                .append("deadlinePending", a.deadlinePending())
                .append("status", a.status().name())
                .append("acknowledgedAt", date(a.acknowledgedAt()))
                .append("decidedAt", date(a.decidedAt()))
                .append("decidedBy", a.decidedBy())
                .append("decisionReason", a.decisionReason())
                .append("ground", a.ground() == null ? null : a.ground().name())
                .append("version", a.version());
    }

    private static Application toApplication(Document d) {
        return new Application(d.getString("_id"), ApplicationKind.valueOf(d.getString("kind")), d.getString("recordId"),
                d.getString("listId"), d.getString("authority"), d.getString("filedBy"), d.getString("reason"),
                instant(d.getDate("filedAt")), d.getString("decideBy") == null ? null : LocalDate.parse(d.getString("decideBy")),
                ApplicationStatus.valueOf(d.getString("status")), instant(d.getDate("acknowledgedAt")),
                instant(d.getDate("decidedAt")), d.getString("decidedBy"), d.getString("decisionReason"),
                d.getString("ground") == null ? null : RemovalGround.valueOf(d.getString("ground")),
                ((Number) d.get("version")).longValue(), d.getString("deadlinePending"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
