package credit.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import credit.platform.client.registry.ImportSummary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the SDK adds for the CLI and other products: files sent as they are, Retry-After, sign-in. */
class ProductSurfaceTest {

    private final StubPlatform platform = new StubPlatform();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    private final PlatformClient client = PlatformClients.create(platform.properties(), clock);

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void aFileIsSentAsItIsWithItsContentTypeAndImportId() {
        platform.answerJson("POST", "/api/v1/subjects/imports", """
                {"id":"run-1","format":"ndjson","status":"COMPLETED","lines":2,"created":1,"existing":0,"rejected":1}""");
        byte[] ndjson = "{\"kind\":\"PERSON\"}\n不是 JSON\n".getBytes(StandardCharsets.UTF_8);

        ImportSummary summary = client.registry().importNdjson("run-1", ndjson);
        client.registry().importCsv("run-2", "kind,scheme\n".getBytes(StandardCharsets.UTF_8));

        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(platform.calls().get(0).pathAndQuery()).isEqualTo("/api/v1/subjects/imports?format=ndjson&importId=run-1");
        assertThat(platform.calls().get(0).contentType()).isEqualTo("application/x-ndjson");
        assertThat(platform.calls().get(0).body()).isEqualTo(new String(ndjson, StandardCharsets.UTF_8));
        assertThat(platform.calls().get(1).pathAndQuery()).isEqualTo("/api/v1/subjects/imports?format=csv&importId=run-2");
        assertThat(platform.calls().get(1).contentType()).isEqualTo("text/csv");
    }

    @Test
    void aRateLimitedAnswerSaysHowLongToWait() {
        platform.answer("GET", "/api/v1/lists", 429, "application/problem+json", """
                {"type":"https://credit.example/problems/rate-limited","title":"Too Many Requests","status":429}""",
                Map.of("Retry-After", "3"));
        PlatformProblemException e = catchThrowableOfType(PlatformProblemException.class, () -> client.lists().listDefinitions());
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));

        platform.answer("GET", "/api/v1/lists/applications/overdue", 503, "application/problem+json", "{\"status\":503}");
        assertThat(catchThrowableOfType(PlatformProblemException.class, () -> client.lists().overdueApplications())
                .retryAfter()).isEmpty();
    }

    @Test
    void signingInSaysWhoTheTokenIsFor() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("""
                {"azp":"court-demo","scope":"lists.read lists.write","agency":"SPC","exp":1780000000}"""
                .getBytes(StandardCharsets.UTF_8));
        SignedIn who = PlatformClient.signedIn("eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln");
        assertThat(who).isEqualTo(new SignedIn("court-demo", java.util.List.of("lists.read", "lists.write"), "SPC",
                Instant.ofEpochSecond(1_780_000_000L)));
        assertThat(PlatformClient.signedIn("opaque-token")).isEqualTo(new SignedIn(null, java.util.List.of(), null, null));
    }
}
