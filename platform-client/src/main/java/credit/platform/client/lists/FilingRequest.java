package credit.platform.client.lists;

/** An objection or a credit-repair application: why. */
public record FilingRequest(String reason) {
}
