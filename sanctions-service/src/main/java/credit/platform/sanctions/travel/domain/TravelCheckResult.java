package credit.platform.sanctions.travel.domain;

import credit.platform.sanctions.enforcement.domain.AsOf;
import java.util.List;

/**
 * What the ticketing system gets back: the decision, every reason of a DENY, a decision id (unique
 * per answer; only a DENY's is stored), the index state the answer was given at, and the signed
 * receipt over all of it.
 */
public record TravelCheckResult(String passengerRef, Decision decision, List<Reason> reasons, String decisionId,
        AsOf asOf, String receipt) {

    public boolean denied() {
        return decision == Decision.DENY;
    }
}
