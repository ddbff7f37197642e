package credit.platform.lists.definition.adapter;

import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.ListDefinitionRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the list-definition use cases (plain Java) to their adapters. */
@Configuration(proxyBeanMethods = false)
class DefinitionConfiguration {

    @Bean
    ListCatalog listCatalog(ListDefinitionRepository definitions, Clock clock) {
        return new ListCatalog(definitions, clock);
    }
}
