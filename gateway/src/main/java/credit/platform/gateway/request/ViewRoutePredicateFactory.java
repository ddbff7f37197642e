package credit.platform.gateway.request;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.cloud.gateway.handler.predicate.AbstractRoutePredicateFactory;
import org.springframework.cloud.gateway.handler.predicate.GatewayPredicate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Routing by the request view: a gateway route declared with {@code - View=<service>} takes exactly
 * the requests whose route table line names that service. Routing, security and the audit therefore
 * decide from the same line; a path no line covers reaches no service. Travel checks (single and batch)
 * are served outside the gateway routes (traffic's {@code TravelCheckProxy}): no route takes them.
 */
@Component
public class ViewRoutePredicateFactory extends AbstractRoutePredicateFactory<ViewRoutePredicateFactory.Config> {

    public ViewRoutePredicateFactory() {
        super(Config.class);
    }

    /** @param service the route table's service name (the gateway route id) */
    public static class Config {
        private String service;

        public String getService() {
            return service;
        }

        public Config setService(String service) {
            this.service = service;
            return this;
        }
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("service");
    }

    @Override
    public Predicate<ServerWebExchange> apply(Config config) {
        return new GatewayPredicate() {
            @Override
            public boolean test(ServerWebExchange exchange) {
                return RequestView.find(exchange).filter(view -> !view.access().travelCheck())
                        .flatMap(RequestView::service).filter(config.getService()::equals).isPresent();
            }

            @Override
            public Object getConfig() {
                return config;
            }

            @Override
            public String toString() {
                return "View: " + config.getService();
            }
        };
    }
}
