package credit.platform.sanctions.travel.domain;

/** Port to the metrics: the only trace an ALLOW leaves is a count by decision and mode. */
public interface CheckCounter {

    void count(Decision decision, TravelMode mode);
}
