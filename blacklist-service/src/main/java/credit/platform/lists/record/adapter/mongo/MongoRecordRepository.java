package credit.platform.lists.record.adapter.mongo;

import com.mongodb.client.model.Indexes;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.lists.record.domain.ListRecord;
import credit.platform.lists.record.domain.RecordFilter;
import credit.platform.lists.record.domain.RecordRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Records in collection {@code records}. Besides the record, a document carries
 * {@code pendingEventId} (its latest event is not yet in the change feed) or {@code feedSequence}
 * (the sequence its latest event was appended at): the outbox lives in the record's own document,
 * so storing a record and queueing its change is one atomic write.
 */
@Repository
class MongoRecordRepository implements RecordRepository {

    static final String RECORDS = "records";
    private static final List<String> IN_FORCE = List.of("ACTIVE", "DISPUTED", "EXTENDED");

    private final MongoTemplate mongo;

    MongoRecordRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(RECORDS).createIndex(Indexes.ascending("subjectId"));
        mongo.getCollection(RECORDS).createIndex(Indexes.ascending("feedSequence"));
        mongo.getCollection(RECORDS).createIndex(Indexes.ascending("listId", "createdAt"));
        mongo.getCollection(RECORDS).createIndex(Indexes.ascending("identifier.value"));
        mongo.getCollection(RECORDS).createIndex(Indexes.ascending("status", "effectiveUntil"));
    }

    @Override
    public Optional<ListRecord> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, RECORDS)).map(RecordDocuments::toRecord);
    }

    @Override
    public List<ListRecord> findBySubject(String subjectId) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId)), Document.class, RECORDS).stream()
                .map(RecordDocuments::toRecord)
                .toList();
    }

    @Override
    public boolean insert(ListRecord record) {
        try {
            mongo.insert(RecordDocuments.toDocument(record).append("pendingEventId", record.latestEvent().eventId()),
                    RECORDS);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public void markPublished(String recordId, String eventId, long sequence) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(recordId).and("pendingEventId").is(eventId)),
                new Update().unset("pendingEventId").set("feedSequence", sequence), RECORDS);
    }

    @Override
    public List<ListRecord> findPendingPublication() {
        return mongo.find(Query.query(Criteria.where("pendingEventId").exists(true)), Document.class, RECORDS).stream()
                .map(RecordDocuments::toRecord)
                .toList();
    }

    @Override
    public void forEachPublishedUpTo(long sequence, Consumer<ListRecord> action) {
        Query query = Query.query(Criteria.where("feedSequence").lte(sequence)).with(Sort.by("feedSequence"));
        try (Stream<Document> documents = mongo.stream(query, Document.class, RECORDS)) {
            documents.map(RecordDocuments::toRecord).forEach(action);
        }
    }

    @Override
    public boolean replace(ListRecord next, long expectedVersion) {
        Document filter = new Document("_id", next.id())
                .append("version", expectedVersion)
                .append("pendingEventId", new Document("$exists", false));
        Document replacement = RecordDocuments.toDocument(next).append("pendingEventId", next.latestEvent().eventId());
        return mongo.getCollection(RECORDS).replaceOne(filter, replacement).getMatchedCount() == 1;
    }

    @Override
    public List<ListRecord> findEndedBefore(LocalDate today) {
        Query query = Query.query(Criteria.where("status").in(IN_FORCE)
                .and("effectiveUntil").lt(today.toString()));
        return mongo.find(query, Document.class, RECORDS).stream()
                .map(RecordDocuments::toRecord)
                // effectiveUntil is null for open-ended records: never ended
                .filter(r -> r.term().until() != null && r.term().until().isBefore(today))
                .toList();
    }

    @Override
    public List<ListRecord> findByList(String listId, int page, int size) {
        Query query = Query.query(Criteria.where("listId").is(listId))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, Document.class, RECORDS).stream().map(RecordDocuments::toRecord).toList();
    }

    @Override
    public List<ListRecord> findMatching(RecordFilter filter, int page, int size) {
        Query query = matching(filter)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, Document.class, RECORDS).stream().map(RecordDocuments::toRecord).toList();
    }

    @Override
    public long countMatching(RecordFilter filter) {
        return mongo.count(matching(filter), RECORDS);
    }

    private static Query matching(RecordFilter filter) {
        Criteria c = new Criteria();
        List<Criteria> all = new java.util.ArrayList<>();
        if (filter.listId() != null) {
            all.add(Criteria.where("listId").is(filter.listId()));
        }
        if (filter.issuingAuthority() != null) {
            all.add(Criteria.where("issuingAuthority").is(filter.issuingAuthority()));
        }
        if (filter.identifierValue() != null) {
            all.add(Criteria.where("identifier.value").is(filter.identifierValue()));
        }
        if (filter.caseNumber() != null) {
            all.add(Criteria.where("caseNumber").is(filter.caseNumber()));
        }
        if (filter.inForceOn() != null) {
            String day = filter.inForceOn().toString(); // ISO dates compare as strings
            all.add(Criteria.where("status").in(IN_FORCE));
            all.add(Criteria.where("effectiveFrom").lte(day));
            all.add(new Criteria().orOperator(Criteria.where("effectiveUntil").is(null),
                    Criteria.where("effectiveUntil").gte(day)));
        }
        return Query.query(all.isEmpty() ? c : c.andOperator(all.toArray(Criteria[]::new)));
    }

    @Override
    public long countByList(String listId) {
        return mongo.count(Query.query(Criteria.where("listId").is(listId)), RECORDS);
    }

    @Override
    public List<ListRecord> findByIdentifier(IdentifierScheme scheme, String value) {
        Query query = Query.query(Criteria.where("identifier.value").is(value).and("identifier.scheme").is(scheme.name()));
        return mongo.find(query, Document.class, RECORDS).stream().map(RecordDocuments::toRecord).toList();
    }

    @Override
    public void forEachStored(Consumer<StoredRecord> action) {
        try (Stream<Document> documents = mongo.stream(new Query(), Document.class, RECORDS)) {
            documents.forEach(d -> {
                Number sequence = d.containsKey("pendingEventId") ? null : (Number) d.get("feedSequence");
                action.accept(new StoredRecord(RecordDocuments.toRecord(d), sequence == null ? null : sequence.longValue()));
            });
        }
    }
}
