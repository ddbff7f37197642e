package credit.platform.gateway.request;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.security.Callers;
import credit.platform.gateway.security.RouteScopes;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Completes the {@link RequestView} with the caller once Spring Security has validated the token
 * (its chain runs at -100): every later filter — budgets, the audit — reads the caller from the
 * view. An anonymous request (an open route) keeps an empty caller and is budgeted by address. A
 * self-read ({@link AccessKind#SELF_READ}) names the caller's own identifier as its subject, so the
 * audit records it under them ({@link RequestView#withOwnSubject}).
 *
 * <p>The portal's call of an open route for one of its visitors ({@link PortalVisitors}: a token of
 * the portal's client and the {@value PortalVisitors#HEADER} header) becomes that visitor's anonymous
 * request; a header that names no IP address is refused (400), nothing forwarded.
 */
@Component
public class CallerFilter implements WebFilter, Ordered {

    /** Right after Spring Security's chain (-100), before budgets (-60) and the audit (-40). */
    public static final int ORDER = -95;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ProblemWriter problems;
    private final Clock clock;
    private final String portalClientId;

    public CallerFilter(ProblemWriter problems, Clock clock,
            @Value("${credit.gateway.portal.client-id:credit-portal}") String portalClientId) {
        this.problems = problems;
        this.clock = clock;
        this.portalClientId = portalClientId;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestView view = exchange.getAttribute(RequestView.ATTRIBUTE);
        if (view == null) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .mapNotNull(Callers::of)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> {
                    if (caller.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    RequestView known = view.withCaller(caller.get())
                            .withOwnSubject(LocalDate.ofInstant(clock.instant(), CHINA));
                    List<String> header = exchange.getRequest().getHeaders().get(PortalVisitors.HEADER);
                    if (header != null && relaysVisitor(view, caller.get())) {
                        Optional<String> visitor = PortalVisitors.address(header);
                        if (visitor.isEmpty()) {
                            String message = "must be one IPv4 or IPv6 address";
                            return problems.write(exchange, HttpStatus.BAD_REQUEST, "invalid-visitor",
                                    "Invalid visitor address", "Header " + PortalVisitors.HEADER + " " + message + ".",
                                    List.of(new ProblemWriter.FieldViolation(PortalVisitors.HEADER, "ip-address",
                                            message)));
                        }
                        known = view.asPortalVisitor(visitor.get());
                    }
                    exchange.getAttributes().put(RequestView.ATTRIBUTE, known);
                    return chain.filter(exchange);
                });
    }

    /**
     * An open route, called with the portal's own token: its client, and no person, company or agency
     * officer signed in there (the portal sends those users' tokens only on their own pages).
     */
    private boolean relaysVisitor(RequestView view, Callers.Caller caller) {
        return view.route().map(RouteScopes.RouteScope::open).orElse(false)
                && portalClientId.equals(caller.clientId()) && !caller.citizen()
                && !caller.jwt().hasClaim(credit.platform.gateway.security.SecurityConfiguration.COMPANY_CLAIM)
                && !caller.jwt().hasClaim("agency");
    }
}
