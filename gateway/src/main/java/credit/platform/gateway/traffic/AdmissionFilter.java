package credit.platform.gateway.traffic;

import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.request.RequestView;
import credit.platform.gateway.request.RequestViewFilter;
import credit.platform.gateway.security.RouteScopes;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Admission control at the very front of every route ({@link Admission}, one per gateway route id —
 * the one the request view's route line names): runs right after the request view is built and
 * <b>before</b> the body limits, the token check, the budgets and the audit, so that under overload a
 * refusal (503 {@code overloaded}, {@code Retry-After: 1}) costs the gateway next to nothing, and
 * reaches neither the service nor the route's circuit breaker. A request holds its place until its
 * answer has been passed on to the client (a request refused later — 401, 403, 429 — gives its place
 * back at once). Requests the gateway answers itself, and those that match no route line (security
 * refuses them), pass without a place.
 */
final class AdmissionFilter implements WebFilter, Ordered {

    /** Right after the request view (-1000), before size limits (-200), security (-100), budgets and audit. */
    static final int ORDER = RequestViewFilter.ORDER + 1;

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
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestView view = exchange.getAttribute(RequestView.ATTRIBUTE);
        String route = view == null ? null : view.service().orElse(null);
        if (route == null || route.equals(RouteScopes.GATEWAY)) {
            return chain.filter(exchange);
        }
        Admission admission = admissions.forRoute(route);
        // the common case without a Mono of its own: a free place, or a full route refused at once
        Admission.Entry first = admission.tryEnter();
        if (first instanceof Admission.Admitted admitted) {
            Admission.Permit permit = admitted.permit();
            return chain.filter(exchange).doFinally(signal -> permit.release());
        }
        if (first instanceof Admission.Refused refused) {
            return refuse(exchange, refused.refusal());
        }
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
