package credit.platform.registry.bulkimport.adapter.mongo;

import credit.platform.registry.bulkimport.domain.ImportError;
import credit.platform.registry.bulkimport.domain.ImportJob;
import credit.platform.registry.bulkimport.domain.ImportRepository;
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

/** Import runs in {@code imports}; their error reports in {@code import_errors} (one document per line and rule). */
@Repository
public class MongoImportRepository implements ImportRepository {

    static final String IMPORTS = "imports";
    static final String ERRORS = "import_errors";

    private final MongoTemplate mongo;

    public MongoImportRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ERRORS).createIndex(new Index().on("jobId", Sort.Direction.ASC).on("line", Sort.Direction.ASC));
    }

    @Override
    public boolean start(ImportJob job) {
        try {
            mongo.insert(toDocument(job), IMPORTS);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public void save(ImportJob job) {
        mongo.save(toDocument(job), IMPORTS);
    }

    @Override
    public Optional<ImportJob> find(String id) {
        Document d = mongo.findById(id, Document.class, IMPORTS);
        if (d == null) {
            return Optional.empty();
        }
        Date finished = d.getDate("finishedAt");
        return Optional.of(new ImportJob(d.getString("_id"), d.getString("format"), d.getString("status"),
                number(d, "lines"), number(d, "created"), number(d, "existing"), number(d, "rejected"),
                d.getDate("startedAt").toInstant(), finished == null ? null : finished.toInstant()));
    }

    @Override
    public void addError(String jobId, ImportError e) {
        try {
            mongo.insert(new Document("_id", jobId + ":" + e.line() + ":" + e.field() + ":" + e.rule())
                    .append("jobId", jobId).append("line", e.line()).append("field", e.field())
                    .append("rule", e.rule()).append("message", e.message()), ERRORS);
        } catch (DuplicateKeyException alreadyReported) {
            // the same line and rule reported again
        }
    }

    @Override
    public List<ImportError> errors(String jobId, long afterLine, int limit) {
        return mongo.find(Query.query(Criteria.where("jobId").is(jobId).and("line").gt(afterLine))
                        .with(Sort.by("line", "_id")).limit(limit), Document.class, ERRORS).stream()
                .map(d -> new ImportError(number(d, "line"), d.getString("field"), d.getString("rule"),
                        d.getString("message")))
                .toList();
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Document toDocument(ImportJob job) {
        return new Document("_id", job.id()).append("format", job.format()).append("status", job.status())
                .append("lines", job.lines()).append("created", job.created()).append("existing", job.existing())
                .append("rejected", job.rejected()).append("startedAt", Date.from(job.startedAt()))
                .append("finishedAt", job.finishedAt() == null ? null : Date.from(job.finishedAt()));
    }
}
