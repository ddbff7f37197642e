package credit.platform.sanctions.travel.adapter.rest;

import credit.platform.sanctions.enforcement.domain.AsOf;
import credit.platform.sanctions.travel.domain.Reason;
import credit.platform.sanctions.travel.domain.TravelCheckResult;
import java.util.List;
import java.util.Map;

/** The REST shapes of travel checks (the platform-client SDK mirrors them). */
final class TravelCheckJson {

    private TravelCheckJson() {
    }

    /** {@code type}: RESIDENT_ID | PASSPORT | FOREIGN_PERMANENT_RESIDENT_ID; {@code country}: ISO 3166-1 alpha-3 (passports). */
    record DocumentDto(String type, String number, String country) {
        @Override
        public String toString() {
            return "DocumentDto[" + type + ", number=(withheld)]";
        }
    }

    /**
     * {@code name} is accepted for the ticketing systems' convenience but never used or kept.
     * {@code travelDate}: ISO date (Asia/Shanghai); today (or absent) means now.
     */
    record TravelCheckRequest(String passengerRef, DocumentDto document, String name, String mode, String trainNumber,
            String seatClass, String travelDate) {
        @Override
        public String toString() {
            return "TravelCheckRequest[" + passengerRef + ", " + mode + ", " + seatClass + "]";
        }
    }

    record BatchRequest(List<TravelCheckRequest> checks) {
    }

    record ReasonView(String code, String measure, String authority, String recordRef, String appeal, String capacity) {
        static ReasonView of(Reason r) {
            return new ReasonView(r.code(), r.measure(), r.authority(), r.recordRef(), r.appeal(),
                    r.capacity().isEmpty() ? null : r.capacity());
        }
    }

    record AsOfView(long sequence, String time, boolean stale) {
        static AsOfView of(AsOf a) {
            return new AsOfView(a.sequence(), a.time().toString(), a.stale());
        }
    }

    record TravelCheckView(String passengerRef, String decision, List<ReasonView> reasons, String decisionId,
            AsOfView asOf, String receipt) {
        static TravelCheckView of(TravelCheckResult r) {
            return new TravelCheckView(r.passengerRef(), r.decision().name(),
                    r.reasons().stream().map(ReasonView::of).toList(), r.decisionId(), AsOfView.of(r.asOf()),
                    r.receipt());
        }
    }

    record BatchView(List<TravelCheckView> results) {
    }

    record VerifyRequest(String receipt) {
    }

    record VerifyView(boolean valid, Map<String, Object> claims) {
    }
}
