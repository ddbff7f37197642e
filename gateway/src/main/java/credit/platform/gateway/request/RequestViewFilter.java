package credit.platform.gateway.request;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import credit.platform.gateway.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The very first filter: builds the {@link RequestView} ({@link RequestViews#build}) and stores it
 * in the exchange, or refuses a non-canonical request with problem+json (400 for paths and queries,
 * 415 for a body that is not JSON where the route takes JSON, 414 for an overlong path) before
 * security, budgets, size limits or the audit look at it. Logs the refusal's rule, never the path or
 * query (they can carry an ID number).
 */
@Component
public class RequestViewFilter implements WebFilter, Ordered {

    /** Before everything else of the gateway (size limits -200, security -100, budgets, audit). */
    public static final int ORDER = -1000;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(RequestViewFilter.class);

    private final ProblemWriter problems;
    private final Clock clock;

    public RequestViewFilter(ProblemWriter problems, Clock clock) {
        this.problems = problems;
        this.clock = clock;
        CanonicalIdentifiers.loadTables(); // before the first request, not on an event loop
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        RequestViews.RawRequest raw = new RequestViews.RawRequest(request.getMethod().name(),
                request.getURI().getRawPath(), request.getURI().getRawQuery(), headers.get(PURPOSE_HEADER),
                headers.getFirst(HttpHeaders.CONTENT_TYPE), headers.getContentLength(),
                headers.containsHeader(HttpHeaders.TRANSFER_ENCODING), address(request.getRemoteAddress()));
        RequestViews.Outcome outcome = RequestViews.build(raw, LocalDate.ofInstant(clock.instant(), CHINA));
        if (outcome instanceof RequestViews.Refused refused) {
            log.debug("{} refused at the front door: {} {}", raw.method(), refused.field(), refused.rule());
            return problems.write(exchange, refused.status(), refused.type(), refused.title(),
                    refused.message().substring(0, 1).toUpperCase() + refused.message().substring(1) + ".",
                    List.of(new ProblemWriter.FieldViolation(refused.field(), refused.rule(), refused.message())));
        }
        exchange.getAttributes().put(RequestView.ATTRIBUTE, ((RequestViews.Accepted) outcome).view());
        return chain.filter(exchange);
    }

    /** The header naming why person data is read (docs/security.md). */
    public static final String PURPOSE_HEADER = "X-Purpose";

    private static String address(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
