package credit.platform.sanctions.travel.domain;

/**
 * A decision and, for a DENY, what the passenger is told (reason, issuing authority, where to
 * appeal) and what the decision log keeps (the list and record that triggered it).
 */
public record TravelDecision(Decision decision, String reasonCode, String issuingAuthority, String appealChannel,
        String listId, String recordId) {

    public static final TravelDecision ALLOW = new TravelDecision(Decision.ALLOW, "", "", "", "", "");

    static TravelDecision deny(TravelRestriction restriction, TravelRecord record) {
        return new TravelDecision(Decision.DENY, restriction.reasonCode(), record.issuingAuthority(),
                restriction.appealChannel(), record.listId(), record.recordId());
    }

    public boolean denied() {
        return decision == Decision.DENY;
    }
}
