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

    /**
     * Operation ids name the resource and the action ({@code subjectGet}, {@code travelCheckBatch},
     * {@code eligibilityCheck}): the controller without "Controller", then the method. They are the method
     * names of every generated client, and must stay unique when the gateway gathers all services'
     * descriptions (springdoc's own default, the bare method name, made {@code get} appear in several).
     */
    @Bean
    org.springdoc.core.customizers.OperationCustomizer platformOperationIds() {
        return (operation, handler) -> {
            String resource = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            String method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            return operation;
        };
    }
}
