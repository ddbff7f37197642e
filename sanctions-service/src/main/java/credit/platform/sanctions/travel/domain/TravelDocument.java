package credit.platform.sanctions.travel.domain;

/**
 * The passenger's identity document. Its value is personal data: it is passed to the registry to
 * resolve the subject and is never logged or stored by this service.
 *
 * @param issuingCountry ISO 3166-1 alpha-3, for passports; empty otherwise
 */
public record TravelDocument(DocumentScheme scheme, String value, String issuingCountry) {

    @Override
    public String toString() {
        return "TravelDocument[" + scheme + ", value=(withheld)]";
    }
}
