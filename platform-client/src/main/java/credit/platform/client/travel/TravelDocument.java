package credit.platform.client.travel;

/**
 * The identity document a passenger presents.
 *
 * @param type    RESIDENT_ID, PASSPORT or FOREIGN_PERMANENT_RESIDENT_ID
 * @param number  the document number as printed
 * @param country ISO 3166-1 alpha-3 issuing country, for passports (e.g. CHN); may be null otherwise
 */
public record TravelDocument(String type, String number, String country) {

    public static TravelDocument residentId(String number) {
        return new TravelDocument("RESIDENT_ID", number, null);
    }

    public static TravelDocument passport(String country, String number) {
        return new TravelDocument("PASSPORT", number, country);
    }

    @Override
    public String toString() {
        return "TravelDocument[" + type + ", number=(withheld)]";
    }
}
