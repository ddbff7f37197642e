package credit.platform.sanctions.travel.adapter.rest;

import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.Identifiers;
import credit.platform.identifiers.InvalidIdentifierException;
import credit.platform.sanctions.travel.domain.DocumentDigests;
import credit.platform.sanctions.travel.domain.TravelDocument;
import credit.platform.common.web.FieldViolation;
import credit.platform.common.web.Problems;
import credit.platform.sanctions.enforcement.domain.IndexNotCurrentException;
import credit.platform.sanctions.travel.adapter.rest.TravelCheckJson.BatchRequest;
import credit.platform.sanctions.travel.adapter.rest.TravelCheckJson.BatchView;
import credit.platform.sanctions.travel.adapter.rest.TravelCheckJson.DocumentDto;
import credit.platform.sanctions.travel.adapter.rest.TravelCheckJson.TravelCheckRequest;
import credit.platform.sanctions.travel.adapter.rest.TravelCheckJson.TravelCheckView;
import credit.platform.sanctions.travel.adapter.rest.TravelCheckJson.VerifyRequest;
import credit.platform.sanctions.travel.adapter.rest.TravelCheckJson.VerifyView;
import credit.platform.sanctions.travel.domain.CheckTravel;
import credit.platform.sanctions.travel.domain.DecisionReceipt;
import credit.platform.identifiers.ChinaTime;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.sanctions.travel.domain.InvalidTravelCheckException;
import credit.platform.sanctions.travel.domain.Receipts;
import credit.platform.sanctions.travel.domain.ServiceClass;
import credit.platform.sanctions.travel.domain.TravelCheck;
import credit.platform.sanctions.travel.domain.TravelMode;
import credit.platform.sanctions.travel.domain.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST travel checks: one, a batch (up to {@value #MAX_BATCH}, answers in order), receipt
 * verification and the published receipt keys. Logs carry the decision id and reason codes only —
 * never the name, the document number or the request body.
 */
@RestController
@RequestMapping("/api/v1/travel-checks")
class TravelCheckController {

    static final int MAX_BATCH = 10_000;
    /** Travel dates are calendar days in China; effective windows end at the start of a day there. */
    private static final Logger log = LoggerFactory.getLogger(TravelCheckController.class);

    private final CheckTravel checkTravel;
    private final Receipts receipts;
    private final Clock clock;
    private final DocumentDigests documents;

    TravelCheckController(CheckTravel checkTravel, Receipts receipts, Clock clock, DocumentDigests documents) {
        this.checkTravel = checkTravel;
        this.receipts = receipts;
        this.clock = clock;
        this.documents = documents;
    }

    @PostMapping
    TravelCheckView check(@RequestBody TravelCheckRequest request, @AuthenticationPrincipal Jwt caller) {
        var result = checkTravel.check(validate(request, ""), client(caller));
        if (result.denied()) {
            log.info("Travel check DENY {} ({})", result.decisionId(), result.reasons().getFirst().code());
        }
        return TravelCheckView.of(result);
    }

    @PostMapping("/batch")
    BatchView batch(@RequestBody BatchRequest request, @AuthenticationPrincipal Jwt caller) {
        List<TravelCheckRequest> requests = request == null || request.checks() == null ? List.of() : request.checks();
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new InvalidTravelCheckException(List.of(new Violation("checks", "size",
                    "a batch holds 1 to " + MAX_BATCH + " checks")));
        }
        List<TravelCheck> checks = new ArrayList<>(requests.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                checks.add(validate(requests.get(i), "checks[" + i + "]."));
            } catch (InvalidTravelCheckException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidTravelCheckException(violations);
        }
        var batch = checkTravel.checkBatch(checks, client(caller), !Boolean.FALSE.equals(request.selfContainedReceipts()));
        long denied = batch.results().stream().filter(r -> r.denied()).count();
        if (denied > 0) {
            log.info("Travel check batch of {}: {} DENY", batch.results().size(), denied);
        }
        List<TravelCheckView> views = new ArrayList<>(batch.results().size());
        for (int i = 0; i < batch.results().size(); i++) {
            views.add(TravelCheckView.of(batch.results().get(i), batch.proofs().isEmpty() ? null : batch.proofs().get(i)));
        }
        return new BatchView(views, batch.receipt());
    }

    /** Whether a receipt was signed by this service (with any published key), and what it says. */
    @PostMapping("/receipts/verify")
    VerifyView verify(@RequestBody VerifyRequest request) {
        String receipt = request == null || request.receipt() == null ? "" : request.receipt().strip();
        if (receipt.isEmpty() && request != null && request.envelope() != null) {
            return verifyCompact(request);
        }
        if (receipt.isEmpty()) {
            throw new InvalidTravelCheckException(List.of(new Violation("receipt", "required",
                    "receipt is required (or, for a compact batch answer, envelope, decision, index and proof)")));
        }
        return receipts.verify(receipt).map(c -> judged(c, request.document())).orElse(new VerifyView(false, null));
    }

    /**
     * A receipt whose signature holds: still valid unless its {@code exp} (the decision's, or its
     * envelope's) has passed; about the given document when its keyed digest is the document's.
     */
    private VerifyView judged(Map<String, Object> claims, DocumentDto document) {
        long now = clock.instant().getEpochSecond();
        boolean expired = expiresBefore(claims.get("exp"), now)
                || claims.get("receipt") instanceof Map<?, ?> envelope && expiresBefore(envelope.get("exp"), now);
        Boolean matches = null;
        if (document != null) {
            IdentifierScheme scheme = document.typeOrScheme() == null ? null
                    : IdentifierScheme.of(document.typeOrScheme()).filter(TravelCheck.DOCUMENTS::contains).orElse(null);
            try {
                matches = scheme != null && documents.matches(String.valueOf(claims.get(DocumentDigests.CLAIM)),
                        travelDocument(scheme, document));
            } catch (InvalidIdentifierException e) {
                matches = false;
            }
        }
        return new VerifyView(!expired, claims, expired ? "expired" : null, matches);
    }

    private TravelDocument travelDocument(IdentifierScheme scheme, DocumentDto document) {
        Identifier id = Identifiers.parse(scheme, document.numberOrValue(), document.countryOrIssuingCountry(),
                ChinaTime.today(clock));
        return new TravelDocument(id.scheme(), id.value(), id.issuingCountry());
    }

    private static boolean expiresBefore(Object exp, long now) {
        return exp instanceof Number n && n.longValue() < now;
    }

    /** A compact batch answer: the batch's envelope, the answer's decision, index and proof (base64url). */
    private VerifyView verifyCompact(VerifyRequest request) {
        List<Violation> missing = new ArrayList<>();
        if (request.envelope().isBlank()) {
            missing.add(new Violation("envelope", "required", "envelope is required: the batch's receipt"));
        }
        if (request.decision() == null || request.decision().isBlank()) {
            missing.add(new Violation("decision", "required", "decision is required: the answer's receiptDecision"));
        }
        if (request.index() == null) {
            missing.add(new Violation("index", "required", "index is required: the answer's receiptIndex"));
        }
        if (request.proof() == null) {
            missing.add(new Violation("proof", "required",
                    "proof is required: the answer's receiptProof (empty for a batch of one)"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidTravelCheckException(missing);
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        try {
            return DecisionReceipt.compact(request.envelope().strip(), b64.decode(request.decision().strip()),
                            request.index(), b64.decode(request.proof().strip()))
                    .flatMap(receipts::verify).map(c -> judged(c, request.document())).orElse(new VerifyView(false, null));
        } catch (IllegalArgumentException notBase64url) {
            return new VerifyView(false, null);
        }
    }

    /** The public keys receipts are signed with (JWK set): anyone holding them verifies offline. */
    @GetMapping("/receipt-keys")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The receipt keys",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ReceiptShapes.Keys.class)))
    Map<String, Object> keys() {
        return receipts.publishedKeys();
    }

    private TravelCheck validate(TravelCheckRequest r, String prefix) {
        if (r == null) {
            throw new InvalidTravelCheckException(List.of(new Violation(prefix.isEmpty() ? "body" : prefix + "check",
                    "required", "a travel check is required")));
        }
        List<Violation> violations = new ArrayList<>();
        DocumentDto document = r.document() == null ? new DocumentDto(null, null, null) : r.document();
        IdentifierScheme scheme = null;
        if (document.typeOrScheme() != null && !document.typeOrScheme().isBlank()) {
            scheme = IdentifierScheme.of(document.typeOrScheme()).filter(TravelCheck.DOCUMENTS::contains).orElse(null);
            if (scheme == null) {
                violations.add(new Violation("document.type", "enum", "document.type must be one of "
                        + String.join(", ", TravelCheck.DOCUMENTS.stream().map(Enum::name).toList())));
            }
        }
        TravelMode mode = enumValue(TravelMode.class, r.mode(), "mode", violations);
        ServiceClass serviceClass = null;
        String seat = r.seatClass() != null ? r.seatClass() : r.serviceClass();
        if (seat != null && !seat.isBlank()) {
            serviceClass = ServiceClass.of(mode, seat);
            if (serviceClass == null) {
                violations.add(new Violation("seatClass", "enum", "seatClass must be one of " + String.join(", ",
                        Arrays.stream(ServiceClass.values()).filter(c -> mode == null || c.mode() == mode)
                                .map(ServiceClass::seatClass).distinct().toList())));
            }
        }
        Instant departure = null;
        if (r.travelDate() != null && !r.travelDate().isBlank()) {
            try {
                LocalDate date = LocalDate.parse(r.travelDate().strip());
                // Today: the check is about now (a record created this morning already binds);
                // another day: from its first instant in China.
                departure = date.equals(ChinaTime.today(clock)) ? null : ChinaTime.startOf(date);
            } catch (DateTimeParseException e) {
                violations.add(new Violation("travelDate", "date", "travelDate must be an ISO-8601 date, e.g. 2026-05-01"));
            }
        } else if (r.departure() != null && !r.departure().isBlank()) {
            try {
                departure = OffsetDateTime.parse(r.departure().strip()).toInstant();
            } catch (DateTimeParseException e) {
                violations.add(new Violation("departure", "date-time",
                        "departure must be an ISO-8601 date-time, e.g. 2026-05-01T08:30:00+08:00"));
            }
        }
        try {
            TravelCheck check = TravelCheck.of(r.passengerRef(), scheme, document.numberOrValue(),
                    document.countryOrIssuingCountry(), mode,
                    serviceClass, r.trainNumber(), departure, ChinaTime.today(clock));
            if (!violations.isEmpty()) {
                throw new InvalidTravelCheckException(violations);
            }
            return check;
        } catch (InvalidTravelCheckException e) {
            // Report each field once: the parsing above already named the unreadable ones.
            List<Violation> all = new ArrayList<>(violations);
            e.violations().stream()
                    .filter(v -> all.stream().noneMatch(a -> a.field().equals(v.field())))
                    .forEach(all::add);
            throw new InvalidTravelCheckException(all.stream().map(v -> v.prefixed(prefix)).toList());
        }
    }

    static String client(Jwt caller) {
        if (caller == null) {
            return "unknown";
        }
        String azp = caller.getClaimAsString("azp");
        return azp != null ? azp : caller.getSubject();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            return null; // "required" is the domain's to say
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "enum", field + " must be one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    @ExceptionHandler(InvalidTravelCheckException.class)
    ProblemDetail invalid(InvalidTravelCheckException e) {
        return Problems.invalid(e.violations().stream()
                .map(v -> new FieldViolation(v.field(), v.rule(), v.message())).toList());
    }

    /**
     * Fail closed: 503, never a guessed ALLOW, while the index has not caught up with the lists feed
     * (or is stale under the REFUSE policy). The ticketing system applies its documented fallback.
     */
    @ExceptionHandler(IndexNotCurrentException.class)
    ProblemDetail notCurrent(IndexNotCurrentException e) {
        log.warn("Travel check not decided: {}", e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "index-not-current", "Service unavailable",
                "The enforcement index is not current; no decision was made. Apply your documented fallback and "
                        + "retry later.");
    }
}
