package credit.platform.sanctions.travel.domain;

/** Port to the metrics: the only trace an ALLOW leaves is a count by decision, mode and client. */
public interface CheckCounter {

    void count(Decision decision, TravelMode mode, String client);
}
