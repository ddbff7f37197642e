package credit.platform.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A bulk import may take minutes to answer; every other call keeps the client's read timeout. */
class JdkHttpClientTest {

    private final JdkHttpClient client = new JdkHttpClient(HttpClient.newHttpClient(), Duration.ofMinutes(6));
    private final Request.Options options = new Request.Options(5, TimeUnit.SECONDS, 30, TimeUnit.SECONDS, false);

    private static Request request(Request.HttpMethod method, String url) {
        return Request.create(method, url, Map.of(), new byte[0], StandardCharsets.UTF_8, null);
    }

    @Test
    void aBulkImportWaitsForItsAnswerLongerThanOtherCalls() {
        assertThat(client.timeout(request(Request.HttpMethod.POST,
                "http://gw/api/v1/subjects/imports?format=ndjson&importId=x"), options)).isEqualTo(Duration.ofMinutes(6));
        assertThat(client.timeout(request(Request.HttpMethod.GET,
                "http://gw/api/v1/subjects/imports/x"), options)).isEqualTo(Duration.ofSeconds(30));
        assertThat(client.timeout(request(Request.HttpMethod.POST,
                "http://gw/api/v1/subjects"), options)).isEqualTo(Duration.ofSeconds(30));
        assertThat(new JdkHttpClient(HttpClient.newHttpClient()).timeout(request(Request.HttpMethod.POST,
                "http://gw/api/v1/subjects/imports?format=csv"), options)).isEqualTo(Duration.ofSeconds(30));
    }
}
