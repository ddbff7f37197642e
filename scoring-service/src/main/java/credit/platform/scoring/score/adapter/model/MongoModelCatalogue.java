package credit.platform.scoring.score.adapter.model;

import credit.platform.scoring.score.domain.ModelDefinition;
import credit.platform.scoring.score.domain.ModelVersionConflictException;
import credit.platform.scoring.score.domain.ModelVersions;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The models in collection {@code scoring_models}, one document per model version
 * ({@code _id = <id>@<version>}, the definition as given, when it was stored). Seeds from the
 * repository are inserted when their version is not stored yet; a stored version is never
 * replaced — a seed that differs from the stored version is reported and ignored (publish a new
 * version instead). Versions are read into memory at start-up and when published (one instance).
 */
public class MongoModelCatalogue extends VersionedModelCatalogue {

    static final String MODELS = "scoring_models";
    private static final Logger log = LoggerFactory.getLogger(MongoModelCatalogue.class);

    private final MongoTemplate mongo;

    public MongoModelCatalogue(MongoTemplate mongo, Clock clock, List<ModelDefinition> seeds) {
        super(new ModelVersions(clock));
        this.mongo = mongo;
        for (ModelDefinition seed : seeds) {
            try {
                mongo.insert(document(seed, clock.instant()), MODELS);
                log.info("Scoring model {} seeded", seed.key());
            } catch (DuplicateKeyException e) {
                // Stored already: the stored version stands.
            }
        }
        for (Document d : mongo.getCollection(MODELS).find()) {
            ModelDefinition stored = ModelDefinition.parse(plain(d.get("definition", Document.class)));
            versions.add(stored);
            seeds.stream().filter(s -> s.key().equals(stored.key()) && !s.model().equals(stored.model())).findFirst()
                    .ifPresent(s -> log.warn("Scoring model seed {} differs from the stored version; the stored one "
                            + "is used (versions are never rewritten: publish a new version)", s.key()));
        }
        log.info("{} scoring model versions loaded", versions.all().size());
    }

    @Override
    public synchronized ModelDefinition publish(ModelDefinition definition, Instant now) {
        versions.checkIsNewest(definition);
        try {
            mongo.insert(document(definition, now), MODELS);
        } catch (DuplicateKeyException e) {
            throw new ModelVersionConflictException("model version " + definition.key() + " exists already");
        }
        versions.add(definition);
        log.info("Scoring model {} published", definition.key());
        return definition;
    }

    private static Document document(ModelDefinition d, Instant storedAt) {
        return new Document("_id", d.key())
                .append("modelId", d.model().id())
                .append("version", d.model().version())
                .append("definition", new Document(bsonSafe(d.source())))
                .append("storedAt", Date.from(storedAt));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bsonSafe(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, bsonValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object bsonValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return new Document(bsonSafe((Map<String, Object>) m));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(MongoModelCatalogue::bsonValue).toList();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        if (v instanceof java.math.BigDecimal b) {
            return b.doubleValue();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Document d) {
        Map<String, Object> out = new LinkedHashMap<>();
        d.forEach((k, v) -> out.put(k, v instanceof Document inner ? plain(inner)
                : v instanceof List<?> l ? l.stream().map(e -> e instanceof Document x ? plain(x) : e).toList() : v));
        return out;
    }
}
