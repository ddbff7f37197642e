package credit.platform.sanctions.travel.domain;

import credit.platform.identifiers.IdentifierScheme;
import credit.platform.sanctions.enforcement.domain.SubjectKey;

/**
 * The passenger's identity document, as the identifier kernel normalised it. Its number is personal
 * data: it is looked up in the index and never logged or stored by this service.
 *
 * @param country ISO 3166-1 alpha-3, for passports; empty otherwise
 */
public record TravelDocument(IdentifierScheme scheme, String number, String country) {

    public SubjectKey key() {
        return new SubjectKey(scheme, number, country);
    }

    @Override
    public String toString() {
        return "TravelDocument[" + scheme + ", number=(withheld)]";
    }
}
