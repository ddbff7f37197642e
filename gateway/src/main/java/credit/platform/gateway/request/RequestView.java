package credit.platform.gateway.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import credit.platform.gateway.security.Callers;
import credit.platform.gateway.security.RouteScopes;
import credit.platform.gateway.security.SecurityConfiguration;

import org.springframework.web.server.ServerWebExchange;

/**
 * One decoded, normalised view of a REST request, computed once at the very front of the gateway
 * ({@link RequestViewFilter}, before security) and kept in the exchange attributes under
 * {@link #ATTRIBUTE}. Security, routing, the purpose rule, the audit, budgets and size limits read
 * this, never the raw request: they cannot disagree about what was asked.
 *
 * <p>Only canonical requests get a view: a path with percent-encoding, dot-segments, matrix
 * parameters ({@code ;}), empty segments ({@code //}) or characters outside
 * {@code A-Z a-z 0-9 - . _ ~ /} is refused with 400 before anything else looks at it, and so is a
 * query that is malformed or repeats a parameter. Upper-case tricks ({@code /API/v1/…}) need no
 * rewriting: the route table is case-sensitive, so they match no line and are denied.
 *
 * @param method        the HTTP method as sent ({@code GET}, {@code POST}, …)
 * @param path          the canonical path (equal to the raw path: a canonical path has nothing to decode)
 * @param query         the query parameters, each decoded exactly once ({@code +} is a space, as in
 *                      the services); at most one value per name
 * @param route         the line of {@link RouteScopes} the request falls under; empty: denied
 * @param pathVariables the route line's path variables ({@code subjectId}, {@code recordId}, …)
 * @param purpose       the {@code X-Purpose} header, parsed once
 * @param address       the client's address as the gateway's socket sees it (no forwarded headers are
 *                      trusted), or the visitor's the portal names on an open route ({@link PortalVisitors})
 * @param caller        who is calling, once the token is validated ({@link CallerFilter}); empty before
 *                      that and for anonymous requests
 * @param subjects      the subjects the request names in its route and query (path variables
 *                      {@code subjectId}/{@code recordId}, query {@code subjectId}, {@code scheme}+{@code value});
 *                      the audit adds those of the body and the answer
 */
public record RequestView(
        String method,
        String path,
        Map<String, String> query,
        Optional<RouteScopes.RouteScope> route,
        Map<String, String> pathVariables,
        PurposeHeader purpose,
        String address,
        Optional<Callers.Caller> caller,
        List<SubjectRef> subjects) {

    /** The exchange attribute holding the view. */
    public static final String ATTRIBUTE = RequestView.class.getName();

    /** The budget of anonymous callers on open routes, one per address. */
    public static final String BUDGET_ANONYMOUS = "anonymous";
    /**
     * The budget of a signed-in person (a citizen, a company's representative, an officer at the desk),
     * one per person (token {@code sub}), not per web client.
     */
    public static final String BUDGET_CITIZEN = "citizen";

    /**
     * The {@code X-Purpose} header.
     *
     * @param present whether the header was sent at all
     * @param value   the purpose it names, if it names one of the vocabulary
     */
    public record PurposeHeader(boolean present, Optional<Purpose> value) {

        public static final PurposeHeader ABSENT = new PurposeHeader(false, Optional.empty());

        public static PurposeHeader of(String header) {
            return header == null ? ABSENT : new PurposeHeader(true, Purpose.parse(header));
        }

        /** Sent, but not one of the vocabulary. */
        public boolean invalid() {
            return present && value.isEmpty();
        }
    }

    public RequestView {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        query = Map.copyOf(query);
        pathVariables = Map.copyOf(pathVariables);
        Objects.requireNonNull(route);
        Objects.requireNonNull(purpose);
        Objects.requireNonNull(caller);
        subjects = List.copyOf(subjects);
    }

    /** The view of {@code exchange}; every request the gateway serves has one (see {@link RequestViewFilter}). */
    public static RequestView of(ServerWebExchange exchange) {
        RequestView view = exchange.getAttribute(ATTRIBUTE);
        if (view == null) {
            throw new IllegalStateException("no request view: RequestViewFilter did not run for this exchange");
        }
        return view;
    }

    /** The view of {@code exchange}, if it has one (tests that call a filter directly may not). */
    public static Optional<RequestView> find(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    /** This view once the caller is known. */
    public RequestView withCaller(Callers.Caller known) {
        return new RequestView(method, path, query, route, pathVariables, purpose, address, Optional.of(known),
                subjects);
    }

    /**
     * This view with the caller's own identifier among its subjects when the request is a self-read
     * ({@link AccessKind#SELF_READ}): the token's {@code resident_id} on a person's line, its {@code uscc}
     * on a company's line. Otherwise this view unchanged.
     */
    public RequestView withOwnSubject(LocalDate today) {
        if (access() != AccessKind.SELF_READ || caller.isEmpty()) {
            return this;
        }
        String scope = route.map(RouteScopes.RouteScope::scope).orElse("");
        Optional<SubjectRef.IdentifierKey> own = switch (scope) {
            case RouteScopes.CITIZEN -> CanonicalIdentifiers.key("RESIDENT_ID",
                    caller.get().jwt().getClaimAsString(Callers.CITIZEN_CLAIM), null, today);
            case RouteScopes.COMPANY -> CanonicalIdentifiers.key("USCC",
                    caller.get().jwt().getClaimAsString(SecurityConfiguration.COMPANY_CLAIM), null, today);
            default -> Optional.empty();
        };
        if (own.isEmpty() || subjects.contains(own.get())) {
            return this;
        }
        List<SubjectRef> named = new ArrayList<>(subjects);
        named.addFirst(own.get());
        return new RequestView(method, path, query, route, pathVariables, purpose, address, caller, named);
    }

    /**
     * This view as the request of the anonymous visitor the portal calls an open route for
     * ({@link PortalVisitors}): the visitor's address and no caller, so it draws on that visitor's own
     * anonymous budget.
     */
    public RequestView asPortalVisitor(String visitorAddress) {
        return new RequestView(method, path, query, route, pathVariables, purpose, visitorAddress, Optional.empty(),
                subjects);
    }

    /** What the request does with personal data (decided by its route line). */
    public AccessKind access() {
        return route.map(RouteScopes.RouteScope::access).orElse(AccessKind.NONE);
    }

    /** The route table line as text ({@code GET /api/v1/subjects/{subjectId}/**}), or method and path when none. */
    public String routeName() {
        return route.map(RouteScopes.RouteScope::toString).orElse(method + " " + path);
    }

    /** The gateway route id that serves the request, or {@link RouteScopes#GATEWAY}; empty: no route. */
    public Optional<String> service() {
        return route.map(RouteScopes.RouteScope::service);
    }

    /**
     * The request budget the request draws on: {@code anonymous} for a caller without a token,
     * {@code citizen} for a signed-in person (a representative, an officer at the desk too), otherwise the route line's
     * ({@code travel-check} or {@code default}).
     */
    public String budget() {
        if (caller.isEmpty()) {
            return BUDGET_ANONYMOUS;
        }
        if (caller.get().signedIn()) {
            return BUDGET_CITIZEN;
        }
        return route.map(RouteScopes.RouteScope::budget).orElse(RouteScopes.BUDGET_DEFAULT);
    }

    /**
     * Whom the budget is counted for: {@code client:<azp>} for a platform client,
     * {@code citizen:<sub>} for a person (each person their own, not the shared web client),
     * {@code representative:<sub>} / {@code officer:<sub>} for a company's representative / an officer
     * at the desk (each their own, not the portal client),
     * {@code address:<ip>} for an anonymous caller.
     */
    public String budgetKey() {
        return caller.map(Callers.Caller::budgetKey).orElse("address:" + address);
    }

    /** The subjects named by the route and query, plus {@code more} (body, answer), without repeats. */
    public List<SubjectRef> subjectsWith(List<SubjectRef> more) {
        List<SubjectRef> all = new ArrayList<>(subjects);
        for (SubjectRef ref : more) {
            if (!all.contains(ref)) {
                all.add(ref);
            }
        }
        return all;
    }
}
