package credit.platform.lists.definition.adapter.seed;

import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.ListDefinition;
import credit.platform.lists.definition.domain.ListKind;
import credit.platform.lists.definition.domain.Publicity;
import credit.platform.lists.definition.domain.RepairPolicy;
import credit.platform.lists.definition.domain.SubjectKind;
import credit.platform.lists.definition.domain.TermPolicy;
import credit.platform.lists.definition.domain.TimeLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
            return List.of(JSON.readValue(in, Seed[].class)).stream().map(Seed::toDomain).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read list definitions from " + resource, e);
        }
    }

    /** Where the definitions are read from. */
    @ConfigurationProperties("credit.lists")
    record Properties(Resource definitions) {
    }

    record Limit(int amount, String unit) {
        TimeLimit toDomain() {
            return new TimeLimit(amount, TimeLimit.Unit.valueOf(unit));
        }
    }

    /** Credit repair: allowed after {@code minimumPublicity} (ISO period), decided within {@code decision}. */
    record Repair(String minimumPublicity, Limit decision) {
    }

    record Seed(String id, String name, String kind, String issuingAuthority, String legalBasis,
            List<String> subjectKinds, String defaultDuration, String minDuration, String maxDuration,
            String minExtension, String maxExtension, Boolean untilDeletionGround, String publicity,
            Limit objectionWindow, Limit objectionDecision, Limit removalDeadline, Boolean excludesMinors,
            Repair repair) {

        ListDefinition toDomain() {
            Set<SubjectKind> kinds = subjectKinds.stream().map(SubjectKind::valueOf).collect(Collectors.toSet());
            TermPolicy term = new TermPolicy(period(defaultDuration), period(minDuration), period(maxDuration),
                    period(minExtension), period(maxExtension), Boolean.TRUE.equals(untilDeletionGround));
            return new ListDefinition(id, name, ListKind.valueOf(kind), issuingAuthority, legalBasis, kinds, term,
                    Publicity.valueOf(publicity), limit(objectionWindow), limit(objectionDecision),
                    limit(removalDeadline), Boolean.TRUE.equals(excludesMinors),
                    repair == null ? null : new RepairPolicy(Period.parse(repair.minimumPublicity()),
                            repair.decision().toDomain()));
        }

        private static Period period(String iso) {
            return iso == null ? null : Period.parse(iso);
        }

        private static TimeLimit limit(Limit limit) {
            return limit == null ? null : limit.toDomain();
        }
    }
}
