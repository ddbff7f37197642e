package credit.platform.scoring.score.adapter.model;

import credit.platform.scoring.score.domain.InvalidModelException;
import credit.platform.scoring.score.domain.ModelDefinition;
import credit.platform.scoring.score.domain.ModelVersions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The model seeds kept in the repository as YAML (one model version per file, see
 * {@code src/main/resources/models/}), and an in-memory catalogue of them (for tests and
 * benchmarks; the service keeps its models in MongoDB, {@link MongoModelCatalogue}). A file that
 * does not describe a valid model stops the service from starting, naming the file and the field.
 */
public class YamlModelCatalogue extends VersionedModelCatalogue {


    YamlModelCatalogue(ModelVersions versions) {
        super(versions);
    }

    /** An in-memory catalogue of the seeds matching the pattern, e.g. {@code classpath*:models/*.yaml}. */
    public static YamlModelCatalogue load(String locationPattern) {
        ModelVersions versions = new ModelVersions(Clock.systemUTC());
        seeds(locationPattern).forEach(versions::add);
        return new YamlModelCatalogue(versions);
    }

    /** Every seed matching the pattern, parsed and checked. */
    public static List<ModelDefinition> seeds(String locationPattern) {
        List<ModelDefinition> seeds = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
                try (InputStream in = resource.getInputStream()) {
                    Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    ModelDefinition definition;
                    try {
                        definition = ModelDefinition.parse(doc);
                    } catch (InvalidModelException e) {
                        throw new IllegalStateException("Scoring model " + resource.getFilename() + " is invalid at '"
                                + e.field() + "': " + e.getMessage(), e);
                    }
                    if (!keys.add(definition.key())) {
                        throw new IllegalStateException("Two scoring model files are " + definition.key());
                    }
                    seeds.add(definition);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("No scoring model found at " + locationPattern);
        }
        return seeds;
    }

    @Override
    public synchronized ModelDefinition publish(ModelDefinition definition, Instant now) {
        versions.checkIsNewest(definition);
        versions.add(definition);
        return definition;
    }
}
