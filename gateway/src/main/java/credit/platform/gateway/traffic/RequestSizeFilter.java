package credit.platform.gateway.traffic;

import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.request.RequestView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses bodies over {@code credit.gateway.traffic.max-body} (bulk imports:
 * {@code import-max-body}) with 413 problem+json: at once when
 * {@code Content-Length} says so, and while streaming when a chunked body grows past it. The body
 * itself is never logged or inspected.
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final long importMaxBytes;
    private final ProblemWriter problems;

    RequestSizeFilter(TrafficProperties properties, ProblemWriter problems) {
        this.maxBytes = properties.maxBody().toBytes();
        this.importMaxBytes = properties.importMaxBody().toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // the route line of the request view decides, as for security and routing
        boolean bulkImport = RequestView.find(exchange).flatMap(RequestView::service)
                .filter(TrafficProperties.IMPORTS_ROUTE::equals).isPresent();
        long limit = bulkImport ? importMaxBytes : maxBytes;
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = {0};
                return super.getBody().doOnNext(buffer -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > limit) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Content Too Large",
                "The request body is larger than " + limit + " bytes.");
    }
}
