package credit.platform.benchmarks.frontdoor;

import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * {@code POST /api/v1/travel-checks} over HTTP/1.1 keep-alive connections (a pool as large as the
 * calls outstanding), reactor-netty, non-blocking. A refusal is a 429 or 503 that names a problem
 * type and carries {@code Retry-After}; its status text says which ("503 overloaded"). Calling the
 * service directly, the relay token the gateway adds goes in {@code X-Credit-Gateway}.
 */
final class RestTravelTarget implements Load.Target, AutoCloseable {

    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/([^\"/]+)\"");

    private final String name;
    private final HttpClient http;
    private final ConnectionProvider pool;
    private final Supplier<String> bearer;
    private final Supplier<String> relay;
    private final Passengers passengers;
    private final String path;

    RestTravelTarget(String name, String baseUrl, String path, Supplier<String> bearer, Supplier<String> relay,
            Passengers passengers, int maxConnections) {
        this.relay = relay;
        this.name = name;
        this.path = path;
        this.bearer = bearer;
        this.passengers = passengers;
        this.pool = ConnectionProvider.builder("bench-" + name).maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofSeconds(120)).build();
        this.http = HttpClient.create(pool).baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void call(long i, Load.Completion completion) {
        byte[] body = passengers.json[(int) (i % passengers.json.length)];
        http.headers(h -> {
                    h.set("Content-Type", "application/json");
                    if (bearer != null) {
                        h.set("Authorization", bearer.get());
                    }
                    if (relay != null) {
                        h.set("X-Credit-Gateway", relay.get());
                    }
                })
                .post().uri(path).send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> {
                    int code = response.status().code();
                    if (code >= 200 && code < 300) {
                        return content.asByteArray().thenReturn(new String[] {Integer.toString(code), "OK", ""});
                    }
                    String retryAfter = response.responseHeaders().get("Retry-After");
                    return content.asString().defaultIfEmpty("")
                            .map(text -> new String[] {Integer.toString(code), problemType(text),
                                    retryAfter == null ? "" : retryAfter});
                })
                .subscribe(r -> {
                    int code = Integer.parseInt(r[0]);
                    if (code >= 200 && code < 300) {
                        completion.done(r[0], Load.Kind.OK);
                    } else {
                        boolean refusal = (code == 429 || code == 503) && !r[2].isEmpty();
                        completion.done(r[0] + " " + r[1] + (refusal ? "" : " (no Retry-After)"),
                                refusal ? Load.Kind.REJECTED : Load.Kind.ERROR);
                    }
                }, e -> completion.done("client " + e.getClass().getSimpleName(), Load.Kind.ERROR));
    }

    static String problemType(String body) {
        Matcher m = PROBLEM_TYPE.matcher(body);
        return m.find() ? m.group(1) : "-";
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
