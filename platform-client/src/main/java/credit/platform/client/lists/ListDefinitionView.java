package credit.platform.client.lists;

/** A list kept on the platform, e.g. the SPC's list of dishonest judgment debtors. */
public record ListDefinitionView(String id, String name, String kind, String issuingAuthority, String legalBasis,
        String publicity) {
}
