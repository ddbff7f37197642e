package credit.platform.scoring.score.adapter.model;

import credit.platform.scoring.score.domain.GradeBand;
import credit.platform.scoring.score.domain.ListKind;
import credit.platform.scoring.score.domain.ModelCatalogue;
import credit.platform.scoring.score.domain.Rule;
import credit.platform.scoring.score.domain.ScoringModel;
import credit.platform.scoring.score.domain.SubjectKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The scoring models, read once at start-up from YAML files (one model per file, see
 * {@code src/main/resources/models/}). A file that does not describe a valid model stops the
 * service from starting, naming the file and what is wrong.
 */
public class YamlModelCatalogue implements ModelCatalogue {

    private static final Logger log = LoggerFactory.getLogger(YamlModelCatalogue.class);

    private final Map<String, ScoringModel> models;
    private final Map<SubjectKind, ScoringModel> defaults;

    YamlModelCatalogue(Map<String, ScoringModel> models, Map<SubjectKind, ScoringModel> defaults) {
        this.models = Map.copyOf(models);
        this.defaults = Map.copyOf(defaults);
    }

    /** Loads every model matching the location pattern, e.g. {@code classpath*:models/*.yaml}. */
    public static YamlModelCatalogue load(String locationPattern) {
        Map<String, ScoringModel> models = new LinkedHashMap<>();
        Map<SubjectKind, ScoringModel> defaults = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
                try (InputStream in = resource.getInputStream()) {
                    Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    ScoringModel model;
                    try {
                        model = parse(doc);
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("Scoring model " + resource.getFilename() + " is invalid: "
                                + e.getMessage(), e);
                    }
                    if (models.putIfAbsent(model.id(), model) != null) {
                        throw new IllegalStateException("Two scoring models have the id " + model.id());
                    }
                    if (Boolean.TRUE.equals(doc.get("defaultForKind"))
                            && defaults.putIfAbsent(model.subjectKind(), model) != null) {
                        throw new IllegalStateException("Two default scoring models for " + model.subjectKind());
                    }
                    log.info("Scoring model {} v{} for {} loaded ({} rules)", model.id(), model.version(),
                            model.subjectKind(), model.rules().size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("No scoring model found at " + locationPattern);
        }
        return new YamlModelCatalogue(models, defaults);
    }

    @Override
    public Optional<ScoringModel> find(String modelId) {
        return Optional.ofNullable(models.get(modelId));
    }

    @Override
    public Optional<ScoringModel> defaultFor(SubjectKind kind) {
        return Optional.ofNullable(defaults.get(kind));
    }

    @SuppressWarnings("unchecked")
    static ScoringModel parse(Map<String, Object> doc) {
        List<Rule> rules = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) required(doc, "rules")) {
            Object kind = r.get("listKind");
            Object cap = r.get("cap");
            rules.add(new Rule(
                    (String) required(r, "id"),
                    (String) r.get("list"),
                    kind == null ? null : ListKind.valueOf((String) kind),
                    ((Number) required(r, "pointsPerRecord")).longValue(),
                    cap == null ? null : ((Number) cap).longValue(),
                    (String) r.get("description")));
        }
        List<GradeBand> bands = new ArrayList<>();
        for (Map<String, Object> b : (List<Map<String, Object>>) required(doc, "bands")) {
            Object min = b.get("minPoints");
            bands.add(new GradeBand((String) required(b, "grade"),
                    min == null ? Long.MIN_VALUE : ((Number) min).longValue()));
        }
        return new ScoringModel(
                (String) required(doc, "id"),
                ((Number) required(doc, "version")).intValue(),
                SubjectKind.valueOf((String) required(doc, "subjectKind")),
                ((Number) required(doc, "basePoints")).longValue(),
                rules,
                bands);
    }

    private static Object required(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return value;
    }
}
