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

    /**
     * {@code type}: RESIDENT_ID | PASSPORT | FOREIGN_PERMANENT_RESIDENT_ID; {@code country}: ISO 3166-1
     * alpha-3 (passports). {@code scheme}, {@code value}, {@code issuingCountry} are the first
     * version's names for the same fields, still accepted.
     */
    record DocumentDto(String type, String number, String country, String scheme, String value,
            String issuingCountry) {
        DocumentDto(String type, String number, String country) {
            this(type, number, country, null, null, null);
        }

        String typeOrScheme() {
            return type != null ? type : scheme;
        }

        String numberOrValue() {
            return number != null ? number : value;
        }

        String countryOrIssuingCountry() {
            return country != null ? country : issuingCountry;
        }

        @Override
        public String toString() {
            return "DocumentDto[" + type + ", number=(withheld)]";
        }
    }

    /**
     * {@code name} is accepted for the ticketing systems' convenience but never used or kept.
     * {@code travelDate}: ISO date (Asia/Shanghai); today (or absent) means now. First-version
     * clients' {@code serviceClass} (e.g. {@code RAIL_FIRST}) and {@code departure} (ISO instant) are
     * still accepted.
     */
    record TravelCheckRequest(String passengerRef, DocumentDto document, String name, String mode, String trainNumber,
            String seatClass, String travelDate, String serviceClass, String departure) {
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

    /**
     * The answer. {@code reasonCode}, {@code issuingAuthority}, {@code decisionReference} and
     * {@code appealChannel} repeat the first reason and the decision id of a DENY for first-version
     * clients (null for an ALLOW).
     */
    record TravelCheckView(String passengerRef, String decision, List<ReasonView> reasons, String decisionId,
            AsOfView asOf, String receipt, String reasonCode, String issuingAuthority, String decisionReference,
            String appealChannel) {
        static TravelCheckView of(TravelCheckResult r) {
            Reason first = r.reasons().isEmpty() ? null : r.reasons().getFirst();
            return new TravelCheckView(r.passengerRef(), r.decision().name(),
                    r.reasons().stream().map(ReasonView::of).toList(), r.decisionId(), AsOfView.of(r.asOf()),
                    r.receipt().isEmpty() ? null : r.receipt(), first == null ? null : first.code(), first == null ? null : first.authority(),
                    first == null ? null : r.decisionId(), first == null ? null : first.appeal());
        }
    }

    /** {@code receipt}: one JWS over every decision of the batch (the results' own receipts are null). */
    record BatchView(List<TravelCheckView> results, String receipt) {
    }

    record VerifyRequest(String receipt) {
    }

    record VerifyView(boolean valid, Map<String, Object> claims) {
    }
}
