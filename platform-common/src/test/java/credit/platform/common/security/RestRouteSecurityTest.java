package credit.platform.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST chain built from {@link RestRoute} beans, in a real server: an open route answers without a
 * token, a scoped route and an undeclared one do not (deny by default), and a route cannot be declared
 * without saying which scope it needs.
 */
@SpringBootTest(classes = RestRouteSecurityTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.grpc.server.port=0")
class RestRouteSecurityTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOpenRouteAnswersWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/public/thing");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("public");
    }

    @Test
    void aScopedRouteAndAnUndeclaredOneNeedAToken() throws Exception {
        assertThat(get("/private/thing").statusCode()).isEqualTo(401);
        assertThat(get("/undeclared").statusCode()).isEqualTo(401);
        assertThat(get("/private/thing").headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void aRouteMustNameItsScopeOrSayItIsOpen() {
        assertThatNullPointerException().isThrownBy(() -> RestRoute.get("/x", null)).withMessageContaining("OPEN");
        assertThat(RestRoute.openGet("/x").open()).isTrue();
        assertThat(RestRoute.get("/x", "lists.read").open()).isFalse();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** No database: the MongoDB client (on this module's class path for its optional pieces) stays off. */
    @SpringBootApplication(excludeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
    @RestController
    static class App {

        /** Any gRPC service: the platform's gRPC security (and its server) come up as in a real service. */
        @Bean
        BindableService emptyGrpcService() {
            return () -> ServerServiceDefinition.builder("test.Empty").build();
        }

        @Bean
        RestRoute publicThing() {
            return RestRoute.openGet("/public/**");
        }

        @Bean
        RestRoute privateThing() {
            return RestRoute.get("/private/**", "lists.read");
        }

        @GetMapping("/public/thing")
        String publicThing2() {
            return "public";
        }

        @GetMapping({"/private/thing", "/undeclared"})
        String privateThing2() {
            return "private";
        }
    }
}
