package credit.platform.lists.definition.adapter;

import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.ListDefinitionRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the list-definition use cases (plain Java) to their adapters. */
@Configuration(proxyBeanMethods = false)
class DefinitionConfiguration {

    @Bean
    ListCatalog listCatalog(ListDefinitionRepository definitions) {
        return new ListCatalog(definitions);
    }
}
