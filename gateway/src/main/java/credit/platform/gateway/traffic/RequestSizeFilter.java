package credit.platform.gateway.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import credit.platform.gateway.problem.GatewayProblemException;
import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.request.RequestView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Request bodies, per route: at most {@code max-body} (1 MB), a travel-check batch
 * {@code batch-max-body} (a 10 000-passenger train), a bulk import {@code import-max-body}; bigger ones
 * are 413 problem+json {@code request-too-large}, at once when {@code Content-Length} says so, or while
 * a chunked body streams. A body may be sent {@code Content-Encoding: gzip} on every route: it is
 * decompressed as it streams ({@link GzipInflater}) and the limit applies to the <b>decompressed</b>
 * size, so a small compressed body cannot expand past it; the service receives it uncompressed. Other
 * encodings are 415 {@code unsupported-content-encoding}; a broken gzip body is 400
 * {@code malformed-body}. The body itself is never logged or kept.
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final long importMaxBytes;
    private final long batchMaxBytes;
    private final ProblemWriter problems;

    RequestSizeFilter(TrafficProperties properties, ProblemWriter problems) {
        this.maxBytes = properties.maxBody().toBytes();
        this.importMaxBytes = properties.importMaxBody().toBytes();
        this.batchMaxBytes = properties.batchMaxBody().toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return -200;
    }

    /** The body limit of a request (decompressed bytes): its route line decides, as for security and routing. */
    long limit(ServerWebExchange exchange) {
        String service = RequestView.find(exchange).flatMap(RequestView::service).orElse("");
        return switch (service) {
            case TrafficProperties.IMPORTS_ROUTE -> importMaxBytes;
            case TrafficProperties.BATCH_ROUTE -> batchMaxBytes;
            default -> maxBytes;
        };
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limit(exchange);
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        String encoding = request.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING);
        boolean gzip = false;
        if (encoding != null && !encoding.isBlank()) {
            String e = encoding.strip().toLowerCase(Locale.ROOT);
            if (e.equals("gzip") || e.equals("x-gzip")) {
                gzip = true;
            } else if (!e.equals("identity")) {
                return problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-encoding",
                        "Unsupported Media Type", "Content-Encoding " + encoding.strip()
                                + " is not accepted; send the body as it is or gzip-compressed.");
            }
        }
        ServerHttpRequest limited = gzip ? decompressing(request, limit) : counting(request, limit);
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private static ServerHttpRequest counting(ServerHttpRequest request, long limit) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = {0};
                return super.getBody().doOnNext(buffer -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > limit) {
                        DataBufferUtils.release(buffer);
                        throw tooLargeException(limit);
                    }
                });
            }
        };
    }

    private static ServerHttpRequest decompressing(ServerHttpRequest request, long limit) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.set(HttpHeaders.TRANSFER_ENCODING, "chunked");
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    GzipInflater inflater = new GzipInflater(limit);
                    return super.getBody()
                            .concatMap(buffer -> {
                                byte[] in = new byte[buffer.readableByteCount()];
                                buffer.toByteBuffer(buffer.readPosition(), java.nio.ByteBuffer.wrap(in), 0, in.length);
                                DataBufferUtils.release(buffer);
                                List<DataBuffer> out = new ArrayList<>();
                                inflater.feed(in, 0, in.length, bytes -> out.add(buffer.factory().wrap(bytes)));
                                return Flux.fromIterable(out);
                            })
                            .concatWith(Mono.fromRunnable(inflater::finish))
                            .doOnCancel(inflater::close)
                            .onErrorMap(GzipInflater.TooLargeException.class, e -> tooLargeException(limit))
                            .onErrorMap(GzipInflater.MalformedException.class, e -> new GatewayProblemException(
                                    HttpStatus.BAD_REQUEST, "malformed-body",
                                    "The request body is not valid gzip: " + e.getMessage() + ".", e));
                });
            }
        };
    }

    private static GatewayProblemException tooLargeException(long limit) {
        return new GatewayProblemException(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                "The request body is larger than " + limit + " bytes.", null);
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Content Too Large",
                "The request body is larger than " + limit + " bytes.");
    }
}
