package credit.platform.sanctions.travel.domain;

import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.Identifiers;
import credit.platform.identifiers.InvalidIdentifierException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One "may this passenger travel?" question, valid by construction: a valid document (parsed by the
 * identifier kernel, so a listed person is found however the number is written), a mode, a class of
 * that mode, a train number for rail, and the instant it is asked for. The passenger's name is not
 * part of it — a decision never depends on it and it is never kept.
 *
 * @param train     the normalised train number for rail; {@code null} for other modes
 * @param departure {@code null} for "now" (the service's clock)
 */
public record TravelCheck(String passengerRef, TravelDocument document, TravelMode mode, ServiceClass serviceClass,
        TrainNumber train, Instant departure) {

    /** The documents a passenger can present (a company's USCC is not one). */
    public static final List<IdentifierScheme> DOCUMENTS = List.of(IdentifierScheme.RESIDENT_ID,
            IdentifierScheme.PASSPORT, IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID);

    /**
     * Builds a check, or says precisely why the parts do not make one. A number that is not a valid
     * document of its scheme is refused (never looked up: a typo must not become an ALLOW).
     *
     * @param today today in China, for "born in the future"
     * @throws InvalidTravelCheckException naming every broken field
     */
    public static TravelCheck of(String passengerRef, IdentifierScheme scheme, String number, String country,
            TravelMode mode, ServiceClass serviceClass, String trainNumber, Instant departure, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        TravelDocument document = null;
        if (scheme == null) {
            violations.add(new Violation("document.type", "required",
                    "document.type is required: one of RESIDENT_ID, PASSPORT, FOREIGN_PERMANENT_RESIDENT_ID"));
        } else if (!DOCUMENTS.contains(scheme)) {
            violations.add(new Violation("document.type", "travel-document",
                    scheme + " is not a travel document: one of RESIDENT_ID, PASSPORT, FOREIGN_PERMANENT_RESIDENT_ID"));
        }
        if (Identifiers.normalise(number).isEmpty()) {
            violations.add(new Violation("document.number", "required", "the document number is required"));
        } else if (scheme != null && DOCUMENTS.contains(scheme)) {
            try {
                Identifier id = Identifiers.parse(scheme, number, country, today);
                document = new TravelDocument(id.scheme(), id.value(), id.issuingCountry());
            } catch (InvalidIdentifierException e) {
                violations.add(new Violation("issuingCountry".equals(e.field()) ? "document.country" : "document.number",
                        e.rule(), e.getMessage()));
            }
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
        TrainNumber train = null;
        if (mode == TravelMode.RAIL) {
            try {
                train = TrainNumber.parse(trainNumber);
            } catch (InvalidTravelCheckException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidTravelCheckException(violations);
        }
        return new TravelCheck(passengerRef == null ? "" : passengerRef, document, mode, serviceClass, train, departure);
    }

    /** The normalised train number; empty when the trip is not by rail. */
    public String trainNumber() {
        return train == null ? "" : train.value();
    }

    /** The train number's letter prefix, e.g. {@code G}, {@code D}, {@code K}; empty for none. */
    public String trainPrefix() {
        return train == null ? "" : train.category().prefix();
    }

    public TravelCheck departingAt(Instant at) {
        return new TravelCheck(passengerRef, document, mode, serviceClass, train, at);
    }
}
