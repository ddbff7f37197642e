package credit.platform.registry.subject.adapter.mongo;

import credit.platform.registry.subject.domain.Identifier;
import credit.platform.registry.subject.domain.IdentifierScheme;
import credit.platform.registry.subject.domain.Subject;
import credit.platform.registry.subject.domain.SubjectKind;
import credit.platform.registry.subject.domain.SubjectRepository;
import credit.platform.registry.subject.domain.SubjectStatus;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Subjects in collection {@code subjects}; identifier uniqueness through collection
 * {@code identifier_claims}, whose {@code _id} is the identifier's key (unique on every MongoDB and
 * on the embedded server). No multi-document transaction: claims are taken one document at a time
 * and an orphan claim (its subject never written) is taken over by the next registration.
 */
@Repository
class MongoSubjectRepository implements SubjectRepository {

    static final String SUBJECTS = "subjects";
    static final String CLAIMS = "identifier_claims";

    private final MongoTemplate mongo;

    MongoSubjectRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Subject> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, SUBJECTS)).map(MongoSubjectRepository::toSubject);
    }

    @Override
    public Optional<Subject> findByIdentifier(Identifier identifier) {
        Document claim = mongo.findById(identifier.key(), Document.class, CLAIMS);
        return claim == null ? Optional.empty() : findById(claim.getString("subjectId"));
    }

    @Override
    public Registration insert(Subject subject) {
        List<String> claimed = new ArrayList<>();
        for (Identifier identifier : subject.identifiers()) {
            Optional<Subject> holder = claim(identifier, subject.id());
            if (holder.isPresent()) {
                for (String key : claimed) {
                    mongo.remove(Query.query(Criteria.where("_id").is(key).and("subjectId").is(subject.id())), CLAIMS);
                }
                return new Registration.IdentifierTaken(identifier, holder.get());
            }
            claimed.add(identifier.key());
        }
        Subject stored = new Subject(subject.id(), subject.kind(), subject.identifiers(), subject.name(),
                subject.latinName(), subject.status(), subject.registrationRegion(), subject.flaggedForReview(), 1,
                subject.createdAt());
        mongo.insert(toDocument(stored), SUBJECTS);
        return new Registration.Created(stored);
    }

    /** Claims the identifier for the subject; returns the other subject holding it, if any. */
    private Optional<Subject> claim(Identifier identifier, String subjectId) {
        try {
            mongo.insert(new Document("_id", identifier.key()).append("subjectId", subjectId), CLAIMS);
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            Document claim = mongo.findById(identifier.key(), Document.class, CLAIMS);
            String holderId = claim == null ? null : claim.getString("subjectId");
            Optional<Subject> holder = holderId == null ? Optional.empty() : findById(holderId);
            if (holder.isPresent()) {
                return holder;
            }
            // An orphan claim: its subject was never stored. Take it over, atomically.
            Document previous = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(identifier.key()).and("subjectId").is(holderId)),
                    Update.update("subjectId", subjectId), Document.class, CLAIMS);
            return previous != null ? Optional.empty() : claim(identifier, subjectId);
        }
    }

    private static Document toDocument(Subject s) {
        List<Document> identifiers = s.identifiers().stream()
                .map(i -> new Document("scheme", i.scheme().name()).append("value", i.value())
                        .append("issuingCountry", i.issuingCountry()))
                .toList();
        return new Document("_id", s.id())
                .append("kind", s.kind().name())
                .append("identifiers", identifiers)
                .append("name", s.name())
                .append("latinName", s.latinName())
                .append("status", s.status().name())
                .append("registrationRegion", s.registrationRegion())
                .append("flaggedForReview", s.flaggedForReview())
                .append("version", s.version())
                .append("createdAt", Date.from(s.createdAt()));
    }

    private static Subject toSubject(Document d) {
        List<Identifier> identifiers = d.getList("identifiers", Document.class).stream()
                .map(i -> new Identifier(IdentifierScheme.valueOf(i.getString("scheme")), i.getString("value"),
                        i.getString("issuingCountry")))
                .toList();
        return new Subject(d.getString("_id"), SubjectKind.valueOf(d.getString("kind")), identifiers,
                d.getString("name"), d.getString("latinName"), SubjectStatus.valueOf(d.getString("status")),
                d.getString("registrationRegion"), d.getBoolean("flaggedForReview", false),
                ((Number) d.get("version")).longValue(), d.getDate("createdAt").toInstant());
    }
}
