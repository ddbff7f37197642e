package credit.platform.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns failures on the gateway side (service down, timeout, no route, anything unexpected) into
 * problem+json. Runs before Boot's default handler, which would answer with its own JSON shape.
 * Logs method, path and exception class only: never bodies, query strings or headers.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemWriter problems;

    GatewayErrorHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    record Problem(HttpStatus status, String typeName, String detail) {
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        Problem problem = classify(ex);
        if (problem.status().is5xxServerError()) {
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), problem.status().value(), chain(ex));
        } else {
            log.debug("{} {} answered {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), problem.status().value());
        }
        exchange.getResponse().getHeaders().clear();
        if (problem.typeName().equals("overloaded")) {
            exchange.getResponse().getHeaders().set("Retry-After", "1");
        }
        return problems.write(exchange, problem.status(), problem.typeName(), problem.status().getReasonPhrase(),
                problem.detail());
    }

    static Problem classify(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof GatewayProblemException named) {
                return new Problem(named.status(), named.typeName(), named.getMessage());
            }
        }
        if (ex instanceof ResponseStatusException rse && rse.getStatusCode().value() != 500) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == null) {
                status = HttpStatus.BAD_GATEWAY;
            }
            return forStatus(status);
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (overload(t)) {
                // a limit inside the gateway (connection pool, a bulkhead) was reached: load, never a 500
                return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                        "The gateway is at capacity for this route. Retry after 1 s.");
            }
            if (t instanceof CallNotPermittedException || t instanceof ServiceUnavailableException) {
                return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                        "The service behind this route is failing; its circuit breaker is open. Try again later.");
            }
            if (t instanceof AuthenticationServiceException) {
                return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "authorization-server-unavailable",
                        "The token could not be checked: the authorization server's keys are not reachable.");
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof TimeoutException
                    || t instanceof ReadTimeoutException) {
                return forStatus(HttpStatus.GATEWAY_TIMEOUT);
            }
            if (t instanceof ConnectException) {
                return forStatus(HttpStatus.SERVICE_UNAVAILABLE);
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return forStatus(HttpStatus.BAD_GATEWAY);
            }
        }
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "An unexpected error occurred.");
    }

    /** A limit on concurrent work was reached (the HTTP client's pool, a Resilience4j bulkhead). */
    static boolean overload(Throwable t) {
        return t.getClass().getName().equals("io.github.resilience4j.bulkhead.BulkheadFullException")
                || t instanceof reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException
                || t instanceof reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
    }

    /** Exception classes only, outermost first: messages can carry request data. */
    static String chain(Throwable ex) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getName());
        }
        return chain.toString();
    }

    private static Problem forStatus(HttpStatus status) {
        return switch (status) {
            case SERVICE_UNAVAILABLE -> new Problem(status, "service-unavailable",
                    "The service behind this route is not reachable. Try again later.");
            case GATEWAY_TIMEOUT -> new Problem(status, "gateway-timeout",
                    "The service behind this route did not answer in time.");
            case BAD_GATEWAY -> new Problem(status, "bad-gateway",
                    "The service behind this route gave no valid answer.");
            case NOT_FOUND -> new Problem(status, "not-found", "No route matches this path.");
            default -> new Problem(status, status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-'),
                    status.getReasonPhrase());
        };
    }
}
