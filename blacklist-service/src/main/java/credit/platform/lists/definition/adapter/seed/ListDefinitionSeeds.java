package credit.platform.lists.definition.adapter.seed;

import credit.platform.lists.definition.adapter.DefinitionJson;
import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.ListDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the list definitions kept in the repository ({@code lists/list-definitions.json}) at
 * start-up. Each is upserted by id, so restarting, or running several instances, changes nothing.
 */
@Component
class ListDefinitionSeeds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ListDefinitionSeeds.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ListCatalog catalog;
    private final Properties properties;

    ListDefinitionSeeds(ListCatalog catalog, Properties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<ListDefinition> seeds = read(properties.definitions());
        catalog.seed(seeds);
        log.info("Seeded {} list definitions", seeds.size());
    }

    static List<ListDefinition> read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return List.of(JSON.readValue(in, DefinitionJson[].class)).stream().map(DefinitionJson::toDomain).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read list definitions from " + resource, e);
        }
    }

    /** Where the definitions are read from. */
    @ConfigurationProperties("credit.lists")
    record Properties(Resource definitions) {
    }

}