package credit.platform.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import feign.Client;
import feign.Request;
import feign.Response;

/**
 * A Feign {@link Client} over {@code java.net.http}. Feign's default client (HttpURLConnection)
 * cannot read a 401 answer to a streamed POST, which the token-refresh retry depends on.
 */
public final class JdkHttpClient implements Client {

    /** Headers {@code java.net.http} sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** The bulk import route: its answer comes when the whole file is read. */
    static final String IMPORTS_PATH = "/api/v1/subjects/imports";

    private final HttpClient http;
    private final Duration importTimeout;

    /**
     * @param importTimeout how long a bulk import ({@code POST …/subjects/imports}) may take to answer;
     *                      every other call has the client's read timeout
     */
    public JdkHttpClient(HttpClient http, Duration importTimeout) {
        this.http = http;
        this.importTimeout = importTimeout;
    }

    public JdkHttpClient(HttpClient http) {
        this(http, null);
    }

    /** The time a request may wait for its answer. */
    Duration timeout(Request request, Request.Options options) {
        boolean bulkImport = importTimeout != null && request.httpMethod() == Request.HttpMethod.POST
                && URI.create(request.url()).getPath().endsWith(IMPORTS_PATH);
        return bulkImport ? importTimeout : Duration.ofMillis(options.readTimeoutMillis());
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout(request, options));
        byte[] body = request.body();
        builder.method(request.httpMethod().name(), body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while calling " + request.httpMethod() + " "
                    + URI.create(request.url()).getPath());
        }
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return Response.builder()
                .status(response.statusCode())
                .headers(headers)
                .body(response.body())
                .request(request)
                .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
                .build();
    }
}
