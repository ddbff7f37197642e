package credit.platform.gateway.apidocs;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml31;

import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /openapi.yaml} and {@code /openapi.json}: the gathered description ({@link ApiDescriptions})
 * of the services behind the gateway's own route table; Swagger UI ({@code /swagger-ui.html}) reads it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfiguration {

    @Bean
    ApiDescriptions apiDescriptions(GatewayProperties gateway) {
        return new ApiDescriptions(WebClient.create(), services(gateway), Clock.systemUTC(), Duration.ofMinutes(1));
    }

    /** One entry per service the routes reach (the shortest route id names it: registry, lists, …). */
    static Map<String, URI> services(GatewayProperties gateway) {
        Map<URI, String> byUri = new LinkedHashMap<>();
        gateway.getRoutes().stream().sorted(Comparator.comparing(r -> r.getId().length()))
                .forEach((RouteDefinition r) -> byUri.putIfAbsent(r.getUri(), r.getId()));
        Map<String, URI> services = new LinkedHashMap<>();
        byUri.forEach((uri, id) -> services.put(id, uri));
        return services;
    }

    @Bean
    RouterFunction<ServerResponse> apiDescriptionRoutes(ApiDescriptions descriptions) {
        return RouterFunctions.route()
                .GET("/openapi.yaml", request -> descriptions.description(baseUrl(request))
                        .flatMap(api -> ServerResponse.ok().contentType(MediaType.parseMediaType("application/yaml"))
                                .bodyValue(write(() -> Yaml31.pretty().writeValueAsString(api)))))
                .GET("/openapi.json", request -> descriptions.description(baseUrl(request))
                        .flatMap(api -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(write(() -> Json31.pretty().writeValueAsString(api)))))
                .build();
    }

    private static String baseUrl(ServerRequest request) {
        URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private interface Writer {
        String write() throws com.fasterxml.jackson.core.JsonProcessingException;
    }

    private static String write(Writer writer) {
        try {
            return writer.write();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
