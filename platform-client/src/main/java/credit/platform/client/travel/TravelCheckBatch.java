package credit.platform.client.travel;

import java.util.List;

/** Up to 10 000 checks (a whole train or flight); answered in the same order. */
public record TravelCheckBatch(List<TravelCheck> checks) {
}
