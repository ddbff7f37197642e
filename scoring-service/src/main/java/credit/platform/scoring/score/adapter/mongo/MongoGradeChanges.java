package credit.platform.scoring.score.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import credit.platform.feed.server.FeedEntry;
import credit.platform.feed.server.Outbox;
import credit.platform.feed.server.PendingEvent;
import credit.platform.scoring.score.adapter.feed.GradeFeed;
import credit.platform.scoring.score.domain.GradeChange;
import credit.platform.scoring.score.domain.GradeChanges;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Current grades in {@code current_grades} ({@code _id} = subject|model) and the grade changes they
 * announce ({@link GradeFeed}): a move is one conditional single-document write — on the grade and the
 * instant it was computed at — that also carries the grade change; then the change is published.
 */
@Repository
class MongoGradeChanges implements GradeChanges {

    private final GradeFeed feed;

    MongoGradeChanges(GradeFeed feed) {
        this.feed = feed;
    }

    @Override
    public Optional<CurrentGrade> current(String subjectId, String modelId) {
        Document d = feed.current().find(Filters.eq("_id", GradeFeed.key(subjectId, modelId))).first();
        return Optional.ofNullable(d).map(c -> new CurrentGrade(c.getString("grade"),
                ((Number) c.get("modelVersion")).intValue(), instant(c)));
    }

    @Override
    public boolean move(Optional<CurrentGrade> expected, GradeChange change) {
        String key = GradeFeed.key(change.subjectId(), change.modelId());
        boolean announced = !change.previousGrade().equals(change.grade());
        PendingEvent event = new PendingEvent("grade:" + key + ":" + UUID.randomUUID(), key, change.occurredAt(),
                new Document("subjectId", change.subjectId())
                        .append("modelId", change.modelId())
                        .append("version", change.modelVersion())
                        .append("previousGrade", change.previousGrade())
                        .append("grade", change.grade())
                        .append("cause", change.cause()));
        if (expected.isEmpty()) {
            Document state = new Document("_id", key).append("subjectId", change.subjectId())
                    .append("modelId", change.modelId()).append("grade", change.grade())
                    .append("modelVersion", change.modelVersion()).append("computedAt", Date.from(change.occurredAt()))
                    .append("computedAtNanos", nanos(change.occurredAt()));
            if (announced) {
                state.append(Outbox.PENDING, Outbox.pending(event));
            }
            try {
                feed.current().insertOne(state);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        } else {
            CurrentGrade was = expected.get();
            List<Bson> updates = new ArrayList<>(List.of(Updates.set("grade", change.grade()),
                    Updates.set("modelVersion", change.modelVersion()),
                    Updates.set("computedAt", Date.from(change.occurredAt())),
                    Updates.set("computedAtNanos", nanos(change.occurredAt()))));
            if (announced) {
                updates.add(Outbox.push(event));
            }
            long matched = feed.current().updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("grade", was.grade()),
                    Filters.eq("computedAtNanos", nanos(was.computedAt()))), Updates.combine(updates)).getMatchedCount();
            if (matched != 1) {
                return false;
            }
        }
        if (announced) {
            feed.publish(key);
        }
        return true;
    }

    /** The instant a grade was computed at, to the nanosecond (a Date keeps milliseconds only). */
    static long nanos(java.time.Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    private static java.time.Instant instant(Document c) {
        long n = ((Number) c.get("computedAtNanos")).longValue();
        return java.time.Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    @Override
    public List<GradeChange> after(long sequence, int limit) {
        return feed.log().readAfter(sequence, limit).stream().map(MongoGradeChanges::toChange).toList();
    }

    static GradeChange toChange(FeedEntry e) {
        Document d = e.body();
        return new GradeChange(e.sequence(), d.getString("subjectId"), d.getString("modelId"),
                ((Number) d.get("version")).intValue(), d.getString("previousGrade"), d.getString("grade"),
                e.occurredAt(), d.getString("cause"));
    }
}
