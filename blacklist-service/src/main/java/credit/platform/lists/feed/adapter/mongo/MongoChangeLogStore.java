package credit.platform.lists.feed.adapter.mongo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import credit.platform.lists.feed.domain.ChangeEvent;
import credit.platform.lists.feed.domain.ChangeLogStore;
import credit.platform.lists.feed.domain.SequenceConflictException;
import credit.platform.lists.record.adapter.mongo.RecordDocuments;
import credit.platform.lists.record.domain.ChangeType;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The change log in collection {@code change_log}: {@code _id} is the sequence (unique, so two
 * writers can never both take one), {@code eventId} is unique (an event is appended once), and each
 * entry carries the record as it was after the change.
 */
@Repository
class MongoChangeLogStore implements ChangeLogStore {

    static final String LOG = "change_log";
    static final String STATE = "change_log_state";
    private static final String COMPACTION = "compaction";

    private final MongoTemplate mongo;

    MongoChangeLogStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(LOG).createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
        mongo.getCollection(LOG).createIndex(Indexes.ascending("recordId", "_id"));
    }

    @Override
    public long horizon() {
        Document state = mongo.findById(COMPACTION, Document.class, STATE);
        return state == null ? 0 : ((Number) state.get("horizon")).longValue();
    }

    @Override
    public void raiseHorizon(long horizon) {
        mongo.upsert(Query.query(Criteria.where("_id").is(COMPACTION)),
                new org.springframework.data.mongodb.core.query.Update().max("horizon", horizon), STATE);
    }

    @Override
    public Optional<Long> firstSequenceAtOrAfter(java.time.Instant instant) {
        Query query = Query.query(Criteria.where("occurredAt").gte(Date.from(instant)))
                .with(Sort.by(Sort.Direction.ASC, "_id")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, LOG)).map(d -> ((Number) d.get("_id")).longValue());
    }

    @Override
    public int compactBelow(long horizon) {
        java.util.Set<String> latestSeen = new java.util.HashSet<>();
        List<Long> superseded = new java.util.ArrayList<>();
        Query below = Query.query(Criteria.where("_id").lt(horizon)).with(Sort.by(Sort.Direction.DESC, "_id"));
        below.fields().include("_id").include("recordId");
        try (var entries = mongo.stream(below, Document.class, LOG)) {
            entries.forEach(d -> {
                if (!latestSeen.add(d.getString("recordId"))) {
                    superseded.add(((Number) d.get("_id")).longValue());
                }
            });
        }
        superseded.forEach(sequence -> mongo.remove(Query.query(Criteria.where("_id").is(sequence)), LOG));
        return superseded.size();
    }

    @Override
    public Optional<ChangeEvent> latestFor(String recordId, long upTo) {
        Query query = Query.query(Criteria.where("recordId").is(recordId).and("_id").lte(upTo))
                .with(Sort.by(Sort.Direction.DESC, "_id"))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, LOG)).map(MongoChangeLogStore::toEvent);
    }

    @Override
    public Optional<Long> sequenceOf(String eventId) {
        Document entry = mongo.findOne(Query.query(Criteria.where("eventId").is(eventId)), Document.class, LOG);
        return Optional.ofNullable(entry).map(e -> ((Number) e.get("_id")).longValue());
    }

    @Override
    public void insert(ChangeEvent event) {
        Document record = RecordDocuments.toDocument(event.record());
        try {
            mongo.insert(new Document("_id", event.sequence())
                    .append("eventId", event.eventId())
                    .append("type", event.type().name())
                    .append("recordId", event.record().id())
                    .append("occurredAt", Date.from(event.occurredAt()))
                    .append("record", record), LOG);
        } catch (DuplicateKeyException e) {
            throw new SequenceConflictException("sequence " + event.sequence() + " or event " + event.eventId()
                    + " is already in the change log", e);
        }
    }

    @Override
    public long maxSequence() {
        return edge(Sort.Direction.DESC);
    }

    @Override
    public long minSequence() {
        return edge(Sort.Direction.ASC);
    }

    @Override
    public List<ChangeEvent> readAfter(long after, long upTo, int limit) {
        if (upTo <= after) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("_id").gt(after).lte(upTo))
                .with(Sort.by(Sort.Direction.ASC, "_id"))
                .limit(limit);
        return mongo.find(query, Document.class, LOG).stream().map(MongoChangeLogStore::toEvent).toList();
    }

    private long edge(Sort.Direction direction) {
        Query query = new Query().with(Sort.by(direction, "_id")).limit(1);
        Document entry = mongo.findOne(query, Document.class, LOG);
        return entry == null ? 0 : ((Number) entry.get("_id")).longValue();
    }

    private static ChangeEvent toEvent(Document d) {
        return new ChangeEvent(((Number) d.get("_id")).longValue(), d.getString("eventId"),
                ChangeType.valueOf(d.getString("type")), RecordDocuments.toRecord(d.get("record", Document.class)),
                d.getDate("occurredAt").toInstant());
    }
}
