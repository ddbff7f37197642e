package credit.platform.scoring.score.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import credit.platform.scoring.score.domain.GradeChange;
import credit.platform.scoring.score.domain.GradeChanges;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Grade changes in collection {@code grade_changes}, {@code _id} = sequence. The sequence comes
 * from an atomic {@code $inc} on {@code counters/grade_changes}, then the change is inserted (two
 * single-document writes: a crash between them leaves a gap in the sequence, never a duplicate).
 */
@Repository
class MongoGradeChanges implements GradeChanges {

    static final String CHANGES = "grade_changes";
    static final String COUNTERS = "counters";

    private final MongoTemplate mongo;

    MongoGradeChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public GradeChange emit(GradeChange change) {
        Document counter = mongo.getCollection(COUNTERS).findOneAndUpdate(Filters.eq("_id", CHANGES),
                Updates.inc("sequence", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long sequence = ((Number) counter.get("sequence")).longValue();
        GradeChange stored = new GradeChange(sequence, change.subjectId(), change.modelId(), change.modelVersion(),
                change.previousGrade(), change.grade(), change.occurredAt(), change.cause());
        mongo.insert(new Document("_id", sequence)
                .append("subjectId", stored.subjectId())
                .append("modelId", stored.modelId())
                .append("version", stored.modelVersion())
                .append("previousGrade", stored.previousGrade())
                .append("grade", stored.grade())
                .append("occurredAt", Date.from(stored.occurredAt()))
                .append("cause", stored.cause()), CHANGES);
        return stored;
    }

    @Override
    public List<GradeChange> after(long sequence, int limit) {
        List<GradeChange> out = new ArrayList<>();
        mongo.getCollection(CHANGES).find(Filters.gt("_id", sequence)).sort(Sorts.ascending("_id")).limit(limit)
                .forEach(d -> out.add(new GradeChange(((Number) d.get("_id")).longValue(), d.getString("subjectId"),
                        d.getString("modelId"), ((Number) d.get("version")).intValue(), d.getString("previousGrade"),
                        d.getString("grade"), d.getDate("occurredAt").toInstant(), d.getString("cause"))));
        return out;
    }
}
