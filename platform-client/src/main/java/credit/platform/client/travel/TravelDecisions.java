package credit.platform.client.travel;

import java.util.List;

/** One decision per check of a batch, in request order. */
public record TravelDecisions(List<TravelDecision> results) {
}
