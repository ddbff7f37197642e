package credit.platform.common.apidocs;

import credit.platform.common.security.RestRoute;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Every service's generated API description ({@code GET /v3/api-docs}, springdoc) with the platform's
 * scopes, security scheme, problem shape and examples ({@link PlatformOpenApi}); the gateway gathers
 * them into the one description integrators read ({@code GET /openapi.yaml}).
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiDescriptionAutoConfiguration {

    @Bean
    OpenApiCustomizer platformOpenApi(List<RestRoute> routes, @Value("${spring.application.name:service}") String name) {
        return new PlatformOpenApi(routes, name + " API",
                ApiExamples.fromClasspath(ApiDescriptionAutoConfiguration.class.getClassLoader()));
    }
}
