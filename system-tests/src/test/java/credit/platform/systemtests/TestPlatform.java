package credit.platform.systemtests;

import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import credit.platform.launcher.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** What a system test needs to reach the running stack. */
public record TestPlatform(StackConfig config) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String gatewayUrl() {
        return config.gatewayUrl();
    }

    /** The portal (the pages people use). */
    public String portalUrl() {
        return config.portalUrl();
    }

    /** A platform-client for one of the realm's demo clients (secret {@code <clientId>-secret}, dev realm only). */
    public PlatformClient clientFor(String clientId) {
        return PlatformClients.create(new PlatformClientProperties(
                config.gatewayUrl(), config.tokenUri(), clientId, clientId + "-secret"));
    }

    /** A real client-credentials access token of a realm client (dev secret {@code <clientId>-secret}). */
    public String clientCredentialsToken(String clientId) {
        return token("grant_type=client_credentials&client_id=" + clientId + "&client_secret="
                + URLEncoder.encode(clientId + "-secret", StandardCharsets.UTF_8));
    }

    /** The demo citizen's access token (password grant through the public client {@code credit-web}). */
    public String citizenToken() {
        return token("grant_type=password&client_id=credit-web&username=citizen-demo"
                + "&password=citizen-demo-password&scope=openid");
    }

    /** The token endpoint's answer to a form; fails the test unless it is 200. */
    public HttpResponse<String> tokenResponse(String form) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(config.tokenUri()))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String form) {
        HttpResponse<String> response = tokenResponse(form);
        if (response.statusCode() != 200) {
            throw new AssertionError("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }
}
