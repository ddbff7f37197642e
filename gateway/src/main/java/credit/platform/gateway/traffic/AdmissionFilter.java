package credit.platform.gateway.traffic;

import credit.platform.gateway.problem.ProblemWriter;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * Admission control in front of every route ({@link Admission}, one per gateway route id): runs after
 * the route is chosen and before any of the route's own filters, so a refusal (503 {@code overloaded},
 * {@code Retry-After: 1}) reaches neither the service nor the route's circuit breaker. A request holds
 * its place until its answer has been passed on to the client.
 */
final class AdmissionFilter implements GlobalFilter, Ordered {

    /** Before the route's filters (1, 2, …) and the routing filters. */
    static final int ORDER = -10;

    private final Admissions admissions;
    private final ProblemWriter problems;

    AdmissionFilter(Admissions admissions, ProblemWriter problems) {
        this.admissions = admissions;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Thrown to the filter chain's end when a waiting request is refused. */
    private static final class RefusedException extends RuntimeException {
        final Admission.Refusal refusal;

        RefusedException(Admission.Refusal refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        Admission admission = admissions.forRoute(route.getId());
        return Mono.usingWhen(enter(admission), permit -> chain.filter(exchange), permit -> release(permit),
                        (permit, error) -> release(permit), permit -> release(permit))
                .onErrorResume(RefusedException.class, e -> refuse(exchange, e.refusal));
    }

    private static Mono<Void> release(Admission.Permit permit) {
        permit.release();
        return Mono.empty();
    }

    private static Mono<Admission.Permit> enter(Admission admission) {
        return Mono.<Admission.Permit>create(sink -> {
            Admission.Entry entry = admission.enter(new Admission.Waiter() {
                @Override
                public void admitted(Admission.Permit permit) {
                    sink.success(permit);
                }

                @Override
                public void refused(Admission.Refusal refusal) {
                    sink.error(new RefusedException(refusal));
                }
            }, null);
            switch (entry) {
                case Admission.Admitted admitted -> sink.success(admitted.permit());
                case Admission.Refused refused -> sink.error(new RefusedException(refused.refusal()));
                case Admission.Queued queued -> sink.onCancel(queued.ticket()::cancel);
            }
        }).doOnDiscard(Admission.Permit.class, Admission.Permit::release); // admitted just as the client left
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Admission.Refusal refusal) {
        exchange.getResponse().getHeaders().set("Retry-After", "1");
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Service Unavailable",
                refusal.detail());
    }
}
