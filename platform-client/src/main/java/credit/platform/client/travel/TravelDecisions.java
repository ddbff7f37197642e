package credit.platform.client.travel;

import java.util.List;

/**
 * One decision per check of a batch, in request order.
 *
 * @param receipt one JWS (ES256) over every decision of the batch (claim {@code decisions}); the
 *                decisions' own {@code receipt} is null in a batch
 */
public record TravelDecisions(List<TravelDecision> results, String receipt) {
}
