package credit.platform.sanctions.notice.adapter.mongo;

import credit.platform.sanctions.notice.domain.Notice;
import credit.platform.sanctions.notice.domain.NoticeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Notices in MongoDB, every write one single-document operation: {@code notices} ({@code _id} =
 * notice id, so a change delivered twice inserts once), {@code notice_outbox} (one entry per notice:
 * PENDING → SENDING (claimed with a token and a lease) → SENT), {@code notice_addresses} (per subject)
 * and {@code notice_feed_state} (the lists feed position).
 */
@Repository
class MongoNoticeStore implements NoticeStore {

    static final String NOTICES = "notices";
    static final String OUTBOX = "notice_outbox";
    static final String ADDRESSES = "notice_addresses";
    static final String STATE = "notice_feed_state";

    private final MongoTemplate mongo;

    MongoNoticeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean insert(Notice n) {
        try {
            mongo.insert(new Document("_id", n.id()).append("subjectId", n.subjectId()).append("recordId", n.recordId())
                    .append("listId", n.listId()).append("changeType", n.changeType()).append("subject", n.subject())
                    .append("text", n.text()).append("createdAt", Date.from(n.createdAt()))
                    .append("mail", n.mail().name()), NOTICES);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Notice> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, NOTICES)).map(MongoNoticeStore::notice);
    }

    @Override
    public List<Notice> ofSubject(String subjectId, int limit) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId))
                        .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"))).limit(limit),
                Document.class, NOTICES).stream().map(MongoNoticeStore::notice).toList();
    }

    @Override
    public List<Notice> withoutMail(String subjectId) {
        return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId).and("mail")
                .is(Notice.MailState.NO_ADDRESS.name())), Document.class, NOTICES).stream()
                .map(MongoNoticeStore::notice).toList();
    }

    @Override
    public void markMail(String noticeId, Notice.MailState state) {
        Criteria which = Criteria.where("_id").is(noticeId);
        if (state == Notice.MailState.PENDING) {
            which = which.and("mail").is(Notice.MailState.NO_ADDRESS.name()); // never back from SENT
        }
        mongo.updateFirst(Query.query(which), Update.update("mail", state.name()), NOTICES);
    }

    @Override
    public long position() {
        Document d = mongo.findById("lists", Document.class, STATE);
        return d == null ? 0 : d.get("sequence", Number.class).longValue();
    }

    @Override
    public void savePosition(long sequence) {
        // only forward: a slower replica delivering an older change never moves it back
        mongo.upsert(Query.query(Criteria.where("_id").is("lists")), new Update().max("sequence", sequence), STATE);
    }

    @Override
    public Optional<String> addressOf(String subjectId) {
        return Optional.ofNullable(mongo.findById(subjectId, Document.class, ADDRESSES)).map(d -> d.getString("email"));
    }

    @Override
    public void registerAddress(String subjectId, String email) {
        mongo.upsert(Query.query(Criteria.where("_id").is(subjectId)),
                new Update().set("email", email).set("registeredAt", new Date()), ADDRESSES);
    }

    @Override
    public void enqueue(String noticeId, String to, String subject, String text, Instant due) {
        try {
            mongo.insert(new Document("_id", noticeId).append("to", to).append("subject", subject).append("text", text)
                    .append("state", "PENDING").append("attempts", 0).append("dueAt", Date.from(due)), OUTBOX);
        } catch (DuplicateKeyException e) {
            // already in the outbox: pending, being sent or sent — never a second copy
        }
    }

    @Override
    public Optional<Claim> claimDue(Instant now, Duration lease) {
        Date at = Date.from(now);
        Query due = Query.query(new Criteria().orOperator(
                        Criteria.where("state").is("PENDING").and("dueAt").lte(at),
                        Criteria.where("state").is("SENDING").and("claimedUntil").lt(at)))
                .with(Sort.by("dueAt")).limit(1);
        String token = UUID.randomUUID().toString();
        Document claimed = mongo.findAndModify(due, new Update().set("state", "SENDING").set("claimToken", token)
                        .set("claimedUntil", Date.from(now.plus(lease))),
                FindAndModifyOptions.options().returnNew(true), Document.class, OUTBOX);
        if (claimed == null) {
            return Optional.empty();
        }
        return Optional.of(new Claim(claimed.getString("_id"), token, claimed.getString("to"),
                claimed.getString("subject"), claimed.getString("text"), claimed.getInteger("attempts", 0)));
    }

    @Override
    public boolean markSent(Claim claim, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.noticeId()).and("claimToken").is(claim.token())),
                new Update().set("state", "SENT").set("sentAt", Date.from(at)).unset("claimToken").unset("claimedUntil"),
                OUTBOX).getModifiedCount() == 1;
    }

    @Override
    public void markFailed(Claim claim, Instant retryAt, String error) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.noticeId()).and("claimToken").is(claim.token())),
                new Update().set("state", "PENDING").set("dueAt", Date.from(retryAt)).inc("attempts", 1)
                        .set("lastError", error).unset("claimToken").unset("claimedUntil"), OUTBOX);
    }

    @Override
    public long undelivered() {
        return mongo.count(Query.query(Criteria.where("state").in("PENDING", "SENDING")), OUTBOX);
    }

    private static Notice notice(Document d) {
        return new Notice(d.getString("_id"), d.getString("subjectId"), d.getString("recordId"), d.getString("listId"),
                d.getString("changeType"), d.getString("subject"), d.getString("text"),
                d.getDate("createdAt").toInstant(), Notice.MailState.valueOf(d.getString("mail")));
    }
}
