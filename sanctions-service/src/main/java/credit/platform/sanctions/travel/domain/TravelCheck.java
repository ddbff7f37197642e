package credit.platform.sanctions.travel.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One "may this passenger travel?" question, valid by construction: a valid document, a mode, a
 * class of that mode, a train number for rail, and the instant it is asked for. The passenger's name
 * is not part of it — a decision never depends on it and it is never kept.
 *
 * @param departure {@code null} for "now" (the service's clock)
 */
public record TravelCheck(String passengerRef, TravelDocument document, TravelMode mode, ServiceClass serviceClass,
        String trainNumber, Instant departure) {

    /**
     * Builds a check, or says precisely why the parts do not make one.
     *
     * @throws InvalidTravelCheckException naming every broken field
     */
    public static TravelCheck of(String passengerRef, DocumentScheme scheme, String number, String country,
            TravelMode mode, ServiceClass serviceClass, String trainNumber, Instant departure) {
        List<Violation> violations = new ArrayList<>();
        String value = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        String issuer = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (scheme == null) {
            violations.add(new Violation("document.type", "required",
                    "document.type is required: one of RESIDENT_ID, PASSPORT, FOREIGN_PERMANENT_RESIDENT_ID"));
        }
        if (value.isEmpty()) {
            violations.add(new Violation("document.number", "required", "the document number is required"));
        } else if (scheme != null) {
            violations.addAll(DocumentRules.check(scheme, value, issuer));
        }
        if (mode == null) {
            violations.add(new Violation("mode", "required", "mode is required: one of AIR, RAIL, SHIP"));
        }
        if (serviceClass == null) {
            violations.add(new Violation("seatClass", "required", "seatClass is required"));
        } else if (mode != null && serviceClass.mode() != mode) {
            violations.add(new Violation("seatClass", "matches-mode",
                    "seatClass " + serviceClass.seatClass() + " is not a class of " + mode + " travel"));
        }
        String train = trainNumber == null ? "" : trainNumber.strip().toUpperCase(Locale.ROOT);
        if (mode == TravelMode.RAIL && train.isEmpty()) {
            violations.add(new Violation("trainNumber", "required",
                    "rail checks need the train number: its prefix (G, D, C, …) decides which seats are restricted"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidTravelCheckException(violations);
        }
        return new TravelCheck(passengerRef == null ? "" : passengerRef, new TravelDocument(scheme, value, issuer),
                mode, serviceClass, train, departure);
    }

    /** The train number's letter prefix, e.g. {@code G}, {@code D}, {@code K}; empty for none. */
    public String trainPrefix() {
        return !trainNumber.isEmpty() && Character.isLetter(trainNumber.charAt(0)) ? trainNumber.substring(0, 1) : "";
    }

    public TravelCheck departingAt(Instant at) {
        return new TravelCheck(passengerRef, document, mode, serviceClass, trainNumber, at);
    }
}
