package credit.platform.client.lists;

/**
 * The authority's decision on an objection or repair application.
 *
 * @param outcome ACCEPTED (objection upheld / repair granted: the record is removed) or REJECTED
 *                (an objection's record is active again)
 */
public record DecisionRequest(String outcome, String reason) {

    public static DecisionRequest accepted(String reason) {
        return new DecisionRequest("ACCEPTED", reason);
    }

    public static DecisionRequest rejected(String reason) {
        return new DecisionRequest("REJECTED", reason);
    }
}
