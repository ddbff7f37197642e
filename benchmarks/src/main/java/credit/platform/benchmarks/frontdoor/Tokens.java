package credit.platform.benchmarks.frontdoor;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client-credentials token of one demo client from Keycloak, fetched again before it expires (the
 * realm's tokens live 300 s): every target of a run uses the same client's token, as one airline would.
 */
final class Tokens implements AutoCloseable {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration REFRESH_EVERY = Duration.ofSeconds(120);

    private final String tokenUri;
    private final String clientId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String token;
    private final Thread refresher;

    Tokens(String tokenUri, String clientId) {
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.token = fetch();
        this.refresher = Thread.ofPlatform().daemon().name("token-refresh-" + clientId).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(REFRESH_EVERY);
                    token = fetch();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println("token refresh for " + clientId + " failed: " + e.getMessage());
                }
            }
        });
    }

    String bearer() {
        return "Bearer " + token;
    }

    private String fetch() {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientId + "-secret", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUri)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode() + " for " + clientId);
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        refresher.interrupt();
    }
}
