package credit.platform.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import credit.platform.client.internal.BearerTokenInterceptor;
import credit.platform.client.internal.ClientCredentialsTokens;
import credit.platform.client.internal.JacksonCodec;
import credit.platform.client.internal.Json;
import credit.platform.client.internal.JdkHttpClient;
import credit.platform.client.internal.ProblemErrorDecoder;
import credit.platform.client.internal.RefreshTokenOnceRetryer;
import credit.platform.client.lists.ListsApi;
import credit.platform.client.registry.RegistryApi;
import credit.platform.client.scoring.ScoringApi;
import credit.platform.client.travel.TravelApi;
import feign.Feign;
import feign.Request;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.openfeign.support.SpringMvcContract;

/**
 * Builds a {@link PlatformClient} without Spring: Feign clients over Spring MVC annotations, with
 * client-credentials tokens and problem+json errors.
 *
 * <pre>{@code
 * PlatformClient client = PlatformClients.create(new PlatformClientProperties(
 *         "http://localhost:8080",
 *         "http://localhost:8180/realms/credit/protocol/openid-connect/token",
 *         "court-demo", secret));
 * SubjectView subject = client.registry().lookup("RESIDENT_ID", "11010519491231002X");
 * }</pre>
 */
public final class PlatformClients {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** A bulk import answers when the whole file is read: longer than the gateway's 300 s for the route. */
    static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(6);

    private PlatformClients() {
    }

    public static PlatformClient create(PlatformClientProperties properties) {
        return create(properties, Clock.systemUTC());
    }

    /** As {@link #create(PlatformClientProperties)}, with the clock that decides when a token is stale. */
    public static PlatformClient create(PlatformClientProperties properties, Clock clock) {
        Objects.requireNonNull(properties, "properties");
        String gatewayUrl = required(properties.gatewayUrl(), "gatewayUrl");
        String tokenUri = required(properties.tokenUri(), "tokenUri");
        String clientId = required(properties.clientId(), "clientId");
        String clientSecret = required(properties.clientSecret(), "clientSecret");
        Objects.requireNonNull(clock, "clock");

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JsonMapper json = Json.mapper();
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(URI.create(tokenUri), clientId, clientSecret,
                http, json, clock, READ_TIMEOUT);
        JacksonCodec codec = new JacksonCodec(json);
        Feign.Builder feign = Feign.builder()
                .client(new JdkHttpClient(http, IMPORT_TIMEOUT))
                .contract(new SpringMvcContract())
                .encoder(codec)
                .decoder(codec)
                .errorDecoder(new ProblemErrorDecoder(json, tokens))
                .retryer(new RefreshTokenOnceRetryer())
                .requestInterceptor(new BearerTokenInterceptor(tokens))
                .requestInterceptor(defaultPurpose(properties.defaultPurpose()))
                .options(new Request.Options(CONNECT_TIMEOUT, READ_TIMEOUT, false));
        String base = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        return new PlatformClient(
                feign.target(RegistryApi.class, base),
                feign.target(ListsApi.class, base),
                feign.target(ScoringApi.class, base),
                feign.target(TravelApi.class, base),
                tokens, clock);
    }

    /** Adds {@code X-Purpose: <defaultPurpose>} to a call that states no purpose of its own. */
    static feign.RequestInterceptor defaultPurpose(String defaultPurpose) {
        String purpose = defaultPurpose == null || defaultPurpose.isBlank() ? null : defaultPurpose.strip();
        return template -> {
            if (purpose != null && template.headers().keySet().stream().noneMatch(PURPOSE_HEADER::equalsIgnoreCase)) {
                template.header(PURPOSE_HEADER, purpose);
            }
        };
    }

    static final String PURPOSE_HEADER = "X-Purpose";

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("credit.platform.client." + name + " is required");
        }
        return value;
    }
}
