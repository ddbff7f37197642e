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

    @Bean
    RestRoute readListDefinition() {
        return RestRoute.get("/api/v1/lists/*", "lists.read");
    }

    /**
     * Needs {@code lists.write} here and {@code platform.admin}, which the controller checks: a route
     * naming {@code platform.admin} itself is refused by the platform's security configuration (it
     * grants that scope on every route already, and lists it twice).
     */
    @Bean
    RestRoute editListDefinition() {
        return RestRoute.post("/api/v1/lists/*/definition", "lists.write");
    }
}
