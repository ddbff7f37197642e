package credit.platform.sanctions.travel.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import credit.platform.sanctions.enforcement.domain.AsOf;
import credit.platform.sanctions.travel.domain.CheckTravel;
import credit.platform.sanctions.travel.domain.Reason;
import credit.platform.sanctions.travel.domain.TravelCheckResult;
import java.util.Base64;
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

    /**
     * {@code selfContainedReceipts}: true or absent (the default over REST) — every result carries
     * its own self-contained {@code receipt}; false — results carry the compact proof
     * ({@code receiptDecision}, {@code receiptIndex}, {@code receiptProof}) and the batch's
     * {@code receipt} is the envelope they lead to.
     */
    record BatchRequest(List<TravelCheckRequest> checks, Boolean selfContainedReceipts) {
        BatchRequest(List<TravelCheckRequest> checks) {
            this(checks, null);
        }
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
     * clients (null for an ALLOW). {@code receiptDecision}, {@code receiptIndex} and
     * {@code receiptProof} (base64url: the decision bytes, the leaf index, the concatenated 32-byte
     * sibling hashes) only in a batch asked with {@code selfContainedReceipts: false}; absent otherwise.
     */
    record TravelCheckView(String passengerRef, String decision, List<ReasonView> reasons, String decisionId,
            AsOfView asOf, String receipt, String reasonCode, String issuingAuthority, String decisionReference,
            String appealChannel, @JsonInclude(JsonInclude.Include.NON_NULL) String receiptDecision,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer receiptIndex,
            @JsonInclude(JsonInclude.Include.NON_NULL) String receiptProof) {
        static TravelCheckView of(TravelCheckResult r) {
            return of(r, null);
        }

        static TravelCheckView of(TravelCheckResult r, CheckTravel.Proof proof) {
            Reason first = r.reasons().isEmpty() ? null : r.reasons().getFirst();
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return new TravelCheckView(r.passengerRef(), r.decision().name(),
                    r.reasons().stream().map(ReasonView::of).toList(), r.decisionId(), AsOfView.of(r.asOf()),
                    r.receipt().isEmpty() ? null : r.receipt(), first == null ? null : first.code(), first == null ? null : first.authority(),
                    first == null ? null : r.decisionId(), first == null ? null : first.appeal(),
                    proof == null ? null : b64.encodeToString(proof.decision()), proof == null ? null : proof.index(),
                    proof == null ? null : b64.encodeToString(proof.siblings()));
        }
    }

    /**
     * {@code receipt}: the envelope — one JWS over the hash-tree root of every decision of the batch;
     * each result proves its own decision under it (its self-contained receipt, or its compact proof).
     */
    record BatchView(List<TravelCheckView> results, String receipt) {
    }

    /**
     * Either {@code receipt} (a self-contained receipt or a plain JWS), or the compact form of a
     * batch answer: {@code envelope} (the batch's receipt), {@code decision}, {@code index} and
     * {@code proof} (base64url: the decision bytes and the concatenated 32-byte sibling hashes).
     */
    /**
     * A receipt to verify: the self-contained {@code receipt}, or a compact batch answer's parts; with
     * the passenger's {@code document}, the answer also says whether the receipt is about it.
     */
    record VerifyRequest(String receipt, String envelope, String decision, Integer index, String proof,
            DocumentDto document) {
        VerifyRequest(String receipt, String envelope, String decision, Integer index, String proof) {
            this(receipt, envelope, decision, index, proof, null);
        }
    }

    /**
     * @param valid           signed by this service's key and not expired
     * @param claims          what the receipt says (also when it has expired)
     * @param reason          why it is not valid: {@code expired}, or absent
     * @param documentMatches when a document was sent: whether the receipt's keyed document digest is its
     */
    record VerifyView(boolean valid,
            @io.swagger.v3.oas.annotations.media.Schema(implementation = ReceiptShapes.Claims.class)
            Map<String, Object> claims,
            @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"expired"}) String reason,
            Boolean documentMatches) {

        VerifyView(boolean valid, Map<String, Object> claims) {
            this(valid, claims, null, null);
        }
    }
}
