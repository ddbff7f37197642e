package credit.platform.sanctions.enforcement.adapter.mongo;

import credit.platform.sanctions.enforcement.adapter.EnforcementProperties;
import credit.platform.sanctions.enforcement.domain.BoundPerson;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.sanctions.enforcement.domain.IndexEntry;
import credit.platform.sanctions.enforcement.domain.IndexStore;
import credit.platform.sanctions.enforcement.domain.RestrictionRecord;
import credit.platform.sanctions.enforcement.domain.Role;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The index's own copy in MongoDB: {@code enforcement_entries} (one document per enforced record,
 * {@code _id} = record id, with every identifier it is keyed under and the persons it binds) and
 * {@code enforcement_state} (the last applied feed sequence). Single-document writes only; this
 * service's own database — identifiers are stored because the index must be rebuilt from them.
 */
@Repository
class MongoIndexStore implements IndexStore {

    static final String ENTRIES = "enforcement_entries";
    static final String STATE = "enforcement_state";
    static final String FEED = "lists-feed";
    static final String GRADES_FEED = "grades-feed";
    static final String REGISTRY_FEED = "registry-feed";
    /** Grade entries: {@code _id} starts with {@code grade:} (see GradeChange). */
    static final java.util.regex.Pattern GRADE_ID = java.util.regex.Pattern.compile("^grade:");

    private final MongoTemplate mongo;

    private final String entries;
    private final String state;

    @Autowired
    MongoIndexStore(MongoTemplate mongo, EnforcementProperties properties) {
        this(mongo, properties.storeId());
    }

    /**
     * @param storeId this replica's copy ({@code enforcement_entries_<id>}), or blank for the one
     *                shared copy; anything but letters, digits, {@code -} and {@code _} is refused
     */
    MongoIndexStore(MongoTemplate mongo, String storeId) {
        this.mongo = mongo;
        String suffix = storeId == null || storeId.isBlank() ? "" : "_" + storeId.strip();
        if (!suffix.matches("(_[A-Za-z0-9_-]{1,63})?")) {
            throw new IllegalArgumentException("credit.enforcement.store-id must be 1-63 letters, digits, '-' or '_'");
        }
        this.entries = ENTRIES + suffix;
        this.state = STATE + suffix;
        // A registry change looks up the entries of its subject (as listed subject or bound person).
        mongo.getCollection(entries).createIndex(com.mongodb.client.model.Indexes.ascending("subjectId"));
        mongo.getCollection(entries).createIndex(com.mongodb.client.model.Indexes.ascending("bound.subjectId"));
    }

    MongoIndexStore(MongoTemplate mongo) {
        this(mongo, "");
    }

    @Override
    public long lastSequence() {
        Document d = mongo.getCollection(state).find(Filters.eq("_id", FEED)).first();
        return d == null ? -1 : d.get("sequence", Number.class).longValue();
    }

    @Override
    public void saveSequence(long sequence) {
        mongo.getCollection(state).updateOne(Filters.eq("_id", FEED), Updates.set("sequence", sequence),
                new UpdateOptions().upsert(true));
    }

    @Override
    public long lastGradeSequence() {
        Document d = mongo.getCollection(state).find(Filters.eq("_id", GRADES_FEED)).first();
        return d == null ? -1 : d.get("sequence", Number.class).longValue();
    }

    @Override
    public void saveGradeSequence(long sequence) {
        mongo.getCollection(state).updateOne(Filters.eq("_id", GRADES_FEED), Updates.set("sequence", sequence),
                new UpdateOptions().upsert(true));
    }

    @Override
    public long lastRegistrySequence() {
        Document d = mongo.getCollection(state).find(Filters.eq("_id", REGISTRY_FEED)).first();
        return d == null ? -1 : d.get("sequence", Number.class).longValue();
    }

    @Override
    public void saveRegistrySequence(long sequence) {
        mongo.getCollection(state).updateOne(Filters.eq("_id", REGISTRY_FEED), Updates.set("sequence", sequence),
                new UpdateOptions().upsert(true));
    }

    @Override
    public void save(IndexEntry e) {
        RestrictionRecord r = e.record();
        Document d = new Document("_id", r.recordId())
                .append("listId", r.listId())
                .append("listKind", r.listKind())
                .append("authority", r.authority())
                .append("from", date(r.effectiveFrom()))
                .append("until", date(r.effectiveUntil()))
                .append("keys", keys(e.keys()))
                .append("uscc", e.companyUscc())
                .append("subjectId", e.subjectId())
                .append("bound", e.bound().stream().map(p -> new Document("role", p.role().name())
                        .append("subjectId", p.subjectId())
                        .append("keys", keys(p.keys()))
                        .append("from", date(p.from()))
                        .append("until", date(p.until()))).toList());
        mongo.getCollection(entries).replaceOne(Filters.eq("_id", r.recordId()), d, new ReplaceOptions().upsert(true));
    }

    @Override
    public void delete(String recordId) {
        mongo.getCollection(entries).deleteOne(Filters.eq("_id", recordId));
    }

    @Override
    public void deleteAll() {
        mongo.getCollection(entries).deleteMany(Filters.regex("_id", "^(?!grade:)"));
    }

    @Override
    public void forEach(Consumer<IndexEntry> consumer) {
        read(mongo.getCollection(entries).find(), consumer);
    }

    @Override
    public void forEachGrade(Consumer<IndexEntry> consumer) {
        read(mongo.getCollection(entries).find(Filters.regex("_id", GRADE_ID)), consumer);
    }

    @Override
    public Optional<IndexEntry> find(String recordId) {
        List<IndexEntry> found = new ArrayList<>(1);
        read(mongo.getCollection(entries).find(Filters.eq("_id", recordId)), found::add);
        return found.stream().findFirst();
    }

    @Override
    public List<IndexEntry> entriesOf(String subjectId) {
        List<IndexEntry> found = new ArrayList<>();
        read(mongo.getCollection(entries).find(Filters.eq("subjectId", subjectId)), found::add);
        return found;
    }

    @Override
    public List<IndexEntry> entriesBinding(String personSubjectId) {
        List<IndexEntry> found = new ArrayList<>();
        read(mongo.getCollection(entries).find(Filters.eq("bound.subjectId", personSubjectId)), found::add);
        return found;
    }

    private static void read(Iterable<Document> found, Consumer<IndexEntry> consumer) {
        for (Document d : found) {
            RestrictionRecord r = new RestrictionRecord(d.getString("_id"), d.getString("listId"),
                    d.getString("listKind"), d.getString("authority"), instant(d.getDate("from")),
                    instant(d.getDate("until")), null);
            List<BoundPerson> bound = d.getList("bound", Document.class, List.of()).stream()
                    .map(p -> new BoundPerson(Role.valueOf(p.getString("role")), p.getString("subjectId"), keys(p),
                            instant(p.getDate("from")), instant(p.getDate("until"))))
                    .toList();
            consumer.accept(new IndexEntry(r, keys(d), d.getString("uscc"), bound, d.getString("subjectId")));
        }
    }

    private static List<Document> keys(List<SubjectKey> keys) {
        return keys.stream().map(k -> new Document("scheme", k.scheme().name()).append("value", k.value())
                .append("country", k.country())).toList();
    }

    private static List<SubjectKey> keys(Document d) {
        return d.getList("keys", Document.class, List.of()).stream()
                .map(k -> new SubjectKey(IdentifierScheme.valueOf(k.getString("scheme")), k.getString("value"),
                        k.getString("country")))
                .toList();
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

}
