package credit.platform.sanctions.travel.adapter.rest;

import credit.platform.sanctions.travel.domain.TravelCheckResult;

/** The REST shapes of travel checks (the platform-client SDK mirrors them). */
final class TravelCheckJson {

    private TravelCheckJson() {
    }

    record DocumentDto(String scheme, String value, String issuingCountry) {
        @Override
        public String toString() {
            return "DocumentDto[" + scheme + ", value=(withheld)]";
        }
    }

    /** {@code name} is accepted for the ticketing systems' convenience but never used or kept. */
    record TravelCheckRequest(String passengerRef, DocumentDto document, String name, String mode,
            String serviceClass, String trainNumber, String departure) {
        @Override
        public String toString() {
            return "TravelCheckRequest[" + passengerRef + ", " + mode + ", " + serviceClass + "]";
        }
    }

    record TravelCheckView(String passengerRef, String decision, String reasonCode, String issuingAuthority,
            String decisionReference, String appealChannel) {
        static TravelCheckView of(TravelCheckResult r) {
            return new TravelCheckView(r.passengerRef(), r.decision().decision().name(),
                    emptyToNull(r.decision().reasonCode()), emptyToNull(r.decision().issuingAuthority()),
                    emptyToNull(r.decisionReference()), emptyToNull(r.decision().appealChannel()));
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
