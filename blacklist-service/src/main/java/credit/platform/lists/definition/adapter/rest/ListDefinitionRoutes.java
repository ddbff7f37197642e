package credit.platform.lists.definition.adapter.rest;

import credit.platform.common.security.RestRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scope each list-definition route needs; anything not listed is denied. */
@Configuration(proxyBeanMethods = false)
class ListDefinitionRoutes {

    @Bean
    RestRoute readListDefinitions() {
        return RestRoute.get("/api/v1/lists", "lists.read");
    }
}
