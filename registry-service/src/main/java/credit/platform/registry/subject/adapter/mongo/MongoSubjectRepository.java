package credit.platform.registry.subject.adapter.mongo;

import credit.platform.feed.server.FeedEntry;
import credit.platform.feed.server.Outbox;
import credit.platform.identifiers.Identifier;
import credit.platform.registry.subject.adapter.feed.RegistryFeed;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.registry.subject.domain.Subject;
import credit.platform.registry.subject.domain.SubjectHistoryEntry;
import credit.platform.registry.subject.domain.SubjectKind;
import credit.platform.registry.subject.domain.SubjectRepository;
import credit.platform.registry.subject.domain.SubjectStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.stereotype.Repository;

/**
 * Subjects in collection {@code subjects}; identifier uniqueness through collection
 * {@code identifier_claims}, whose {@code _id} is the identifier's key (unique on every MongoDB and
 * on the embedded server). No multi-document transaction: claims are taken one document at a time
 * and an orphan claim (its subject never written) is taken over by the next registration.
 * History in {@code subject_history} (one document per version, {@code _id} subject:version).
 * Every write of a subject carries its change-feed event in the same document ({@link RegistryFeed}),
 * published to {@code subject_changes} right after.
 */
@Repository
public class MongoSubjectRepository implements SubjectRepository {

    static final String SUBJECTS = "subjects";
    static final String CLAIMS = "identifier_claims";
    static final String HISTORY = "subject_history";
    private final MongoTemplate mongo;
    private final RegistryFeed feed;

    public MongoSubjectRepository(MongoTemplate mongo, RegistryFeed feed) {
        this.mongo = mongo;
        this.feed = feed;
        mongo.indexOps(HISTORY).createIndex(new Index().on("subjectId", Sort.Direction.ASC).on("version", Sort.Direction.ASC));
    }

    @Override
    public Optional<Subject> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, SUBJECTS)).map(MongoSubjectRepository::toSubject);
    }

    @Override
    public List<Subject> findLegalEntitiesNamed(String fragment, int limit) {
        Query query = Query.query(Criteria.where("kind").is("LEGAL_ENTITY")
                        .and("name").regex(java.util.regex.Pattern.quote(fragment)))
                .with(org.springframework.data.domain.Sort.by("name")).limit(limit);
        return mongo.find(query, Document.class, SUBJECTS).stream().map(MongoSubjectRepository::toSubject).toList();
    }

    @Override
    public Optional<Subject> findByIdentifier(Identifier identifier) {
        Document claim = mongo.findById(identifier.key(), Document.class, CLAIMS);
        // A claim whose subject no longer holds the identifier (removed, release pending) resolves to nobody.
        return claim == null ? Optional.empty()
                : findById(claim.getString("subjectId"))
                        .filter(s -> s.identifiers().stream().anyMatch(i -> i.key().equals(identifier.key())));
    }

    @Override
    public Registration insert(Subject subject) {
        List<Identifier> claimed = new ArrayList<>();
        for (Identifier identifier : subject.identifiers()) {
            Optional<String> holder = claim(identifier, subject.id());
            if (holder.isPresent()) {
                claimed.forEach(c -> release(c, subject.id()));
                return new Registration.IdentifierTaken(identifier, findById(holder.get()).orElseThrow());
            }
            claimed.add(identifier);
        }
        Subject stored = subject.withVersion(1);
        mongo.insert(toDocument(stored).append(Outbox.PENDING,
                Outbox.pending(RegistryFeed.subjectChanged(stored.id(), 1, stored.createdAt()))), SUBJECTS);
        feed.publish(SUBJECTS, stored.id());
        return new Registration.Created(stored);
    }

    /** A claim whose subject does not hold the identifier after this long is an orphan of a crashed write. */
    static final long ORPHAN_AFTER_MILLIS = 5_000;

    @Override
    public Optional<String> claim(Identifier identifier, String subjectId) {
        try {
            mongo.insert(new Document("_id", identifier.key()).append("subjectId", subjectId)
                    .append("claimedAt", new Date()), CLAIMS);
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return contested(identifier, subjectId);
        }
    }

    /**
     * Someone holds the claim. Either their subject holds the identifier (taken), or their write is
     * in flight (wait for it), or it crashed long ago (an orphan: take the claim over atomically).
     */
    private Optional<String> contested(Identifier identifier, String subjectId) {
        while (true) {
            Document claim = mongo.findById(identifier.key(), Document.class, CLAIMS);
            if (claim == null) {
                return claim(identifier, subjectId);
            }
            String holderId = claim.getString("subjectId");
            if (subjectId.equals(holderId)) {
                return Optional.empty();
            }
            if (findById(holderId).filter(s -> s.identifiers().contains(identifier)).isPresent()) {
                return Optional.of(holderId);
            }
            Date claimedAt = claim.getDate("claimedAt");
            if (claimedAt == null || System.currentTimeMillis() - claimedAt.getTime() > ORPHAN_AFTER_MILLIS) {
                Document previous = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(identifier.key()).and("subjectId").is(holderId)),
                        new org.springframework.data.mongodb.core.query.Update().set("subjectId", subjectId)
                                .set("claimedAt", new Date()), Document.class, CLAIMS);
                if (previous != null) {
                    return Optional.empty();
                }
                continue;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while an identifier claim was contested", e);
            }
        }
    }

    @Override
    public void release(Identifier identifier, String subjectId) {
        mongo.remove(Query.query(Criteria.where("_id").is(identifier.key()).and("subjectId").is(subjectId)), CLAIMS);
    }

    @Override
    public Update replace(Subject changed, long expectedVersion, Instant at) {
        Document doc = toDocument(changed.withVersion(expectedVersion + 1));
        org.springframework.data.mongodb.core.query.Update set = new org.springframework.data.mongodb.core.query.Update();
        doc.forEach((k, v) -> {
            if (!k.equals("_id")) {
                set.set(k, v);
            }
        });
        set.push(Outbox.PENDING).each(Outbox.pending(RegistryFeed.subjectChanged(changed.id(), expectedVersion + 1, at))
                .toArray());
        long modified = mongo.updateFirst(Query.query(Criteria.where("_id").is(changed.id()).and("version").is(expectedVersion)),
                set, SUBJECTS).getMatchedCount();
        if (modified == 1) {
            feed.publish(SUBJECTS, changed.id());
            return new Update.Saved(changed.withVersion(expectedVersion + 1));
        }
        return findById(changed.id()).<Update>map(s -> new Update.Conflict(s.version())).orElse(new Update.Missing());
    }

    @Override
    public void appendHistory(String subjectId, SubjectHistoryEntry entry) {
        try {
            mongo.insert(new Document("_id", subjectId + ":" + entry.version())
                    .append("subjectId", subjectId)
                    .append("version", entry.version())
                    .append("change", entry.change())
                    .append("actor", entry.actor())
                    .append("at", Date.from(entry.at()))
                    .append("after", toDocument(entry.after())), HISTORY);
        } catch (DuplicateKeyException alreadyKept) {
            // a retry of the same change
        }
    }

    @Override
    public List<SubjectHistoryEntry> history(String subjectId) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId)).with(Sort.by("version")),
                Document.class, HISTORY).stream()
                .map(d -> new SubjectHistoryEntry(((Number) d.get("version")).longValue(), d.getString("change"),
                        d.getString("actor"), d.getDate("at").toInstant(), toSubject(d.get("after", Document.class))))
                .toList();
    }

    @Override
    public List<SubjectChange> changesAfter(long afterSequence, int limit) {
        return feed.log().readAfter(afterSequence, limit).stream().map(MongoSubjectRepository::toChange).toList();
    }

    static SubjectChange toChange(FeedEntry e) {
        // entries written before the kind was recorded were all changes of the subject
        String kind = e.body().getString("kind");
        return new SubjectChange(e.sequence(), e.key(), e.occurredAt(),
                kind == null ? ChangeKind.SUBJECT : ChangeKind.valueOf(kind), e.body().getString("permitId"));
    }

    @Override
    public long count() {
        return mongo.getCollection(SUBJECTS).estimatedDocumentCount();
    }

    static Document toDocument(Subject s) {
        List<Document> identifiers = s.identifiers().stream()
                .map(i -> new Document("scheme", i.scheme().name()).append("value", i.value())
                        .append("issuingCountry", i.issuingCountry())
                        .append("checkCharacterOverridden", i.checkCharacterOverridden()))
                .toList();
        return new Document("_id", s.id())
                .append("kind", s.kind().name())
                .append("identifiers", identifiers)
                .append("name", s.name())
                .append("latinName", s.latinName())
                .append("status", s.status().name())
                .append("statusDate", s.statusDate() == null ? null : s.statusDate().toString())
                .append("registrationRegion", s.registrationRegion())
                .append("flaggedForReview", s.flaggedForReview())
                .append("version", s.version())
                .append("createdAt", Date.from(s.createdAt()))
                .append("birthDate", s.birthDate() == null ? null : s.birthDate().toString());
    }

    static Subject toSubject(Document d) {
        List<Identifier> identifiers = d.getList("identifiers", Document.class).stream()
                .map(i -> new Identifier(IdentifierScheme.valueOf(i.getString("scheme")), i.getString("value"),
                        i.getString("issuingCountry"), i.getBoolean("checkCharacterOverridden", false)))
                .toList();
        String statusDate = d.getString("statusDate");
        String birthDate = d.getString("birthDate");
        return new Subject(d.getString("_id"), SubjectKind.valueOf(d.getString("kind")), identifiers,
                d.getString("name"), d.getString("latinName"), SubjectStatus.valueOf(d.getString("status")),
                statusDate == null ? null : LocalDate.parse(statusDate),
                d.getString("registrationRegion"), d.getBoolean("flaggedForReview", false),
                ((Number) d.get("version")).longValue(), d.getDate("createdAt").toInstant(),
                birthDate == null ? null : LocalDate.parse(birthDate));
    }
}
