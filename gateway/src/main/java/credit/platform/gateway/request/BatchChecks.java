package credit.platform.gateway.request;

import java.util.function.LongConsumer;

import org.springframework.web.server.ServerWebExchange;

/**
 * How many checks a travel-check batch holds, read <b>once</b> from its body as it streams: the audit's
 * scan of the passengers' documents counts the elements of the batch's {@code checks} array too, and
 * hands the number, when the body has been read whole, to whoever asked for it on the exchange (the
 * client budget, which charges a batch in checks). One reading of the body, so the budget and the audit
 * never disagree on what a batch holds.
 */
public final class BatchChecks {

    private static final String ATTRIBUTE = BatchChecks.class.getName();

    private BatchChecks() {
    }

    /** {@code consumer} is given the batch's number of checks once its body has been read whole. */
    public static void whenCounted(ServerWebExchange exchange, LongConsumer consumer) {
        exchange.getAttributes().put(ATTRIBUTE, consumer);
    }

    /** The batch's body has been read whole: it holds {@code checks} checks. */
    public static void counted(ServerWebExchange exchange, long checks) {
        if (exchange.getAttribute(ATTRIBUTE) instanceof LongConsumer consumer) {
            consumer.accept(checks);
        }
    }
}
