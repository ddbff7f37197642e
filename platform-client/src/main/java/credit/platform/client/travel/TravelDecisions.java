package credit.platform.client.travel;

import java.util.List;

/**
 * One decision per check of a batch, in request order.
 *
 * @param receipt the batch's envelope: one ES256 JWS over the hash-tree root of every decision of the
 *                batch ({@code typ merkle-sha256, merkleRoot, count}); each result's own self-contained
 *                receipt starts with it, or — in a compact batch — each result's compact proof leads to
 *                its root (see {@link TravelDecision})
 */
public record TravelDecisions(List<TravelDecision> results, String receipt) {
}
