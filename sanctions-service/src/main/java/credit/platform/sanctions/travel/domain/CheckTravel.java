package credit.platform.sanctions.travel.domain;

import credit.platform.sanctions.enforcement.domain.AsOf;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.IndexNotCurrentException;
import credit.platform.sanctions.enforcement.domain.JointSanctionRule;
import credit.platform.sanctions.enforcement.domain.RestrictionRecord;
import credit.platform.sanctions.enforcement.domain.SanctionCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Use case: decide travel checks from the in-memory enforcement index — no database or service is
 * asked per check. For each check: the document's key → the subject's restricting records → for
 * each record binding at the travel instant (window, and the role for a person bound through a
 * company), each joint-sanction rule its list triggers (within the rule's own cap) → each measure of
 * the rule that bars this trip is a reason. Any reason: DENY; none: ALLOW.
 *
 * <p>A batch is decided in full before anything is written; an index that has not caught up (or is
 * stale under the REFUSE policy) fails the whole call with {@link IndexNotCurrentException} —
 * never a guessed ALLOW nor a guessed DENY.
 *
 * <p>Every answer gets a fresh opaque decision id and its own receipt: the decision's claims, an
 * inclusion proof and the signed root of the hash tree they belong to ({@link DecisionReceipt}) —
 * one ES256 signature per batch or per group of concurrent answers instead of one per answer. A
 * DENY is logged (no name, no document number); an ALLOW leaves nothing but a counter per client.
 */
public class CheckTravel implements AutoCloseable {

    static final String ISSUER = "credit-platform/sanctions-service";

    private final Enforcement enforcement;
    private final DecisionLog log;
    private final CheckCounter counter;
    private final ReceiptSigner signer;
    private final Supplier<String> ids;
    private final Clock clock;
    private final DocumentDigests documents;
    private final long validitySeconds;

    /**
     * A use case whose receipts name documents under a random key of their own and are valid for a
     * day (tests, benchmarks).
     */
    public CheckTravel(Enforcement enforcement, DecisionLog log, CheckCounter counter, Receipts receipts,
            Supplier<String> ids, Clock clock) {
        this(enforcement, log, counter, receipts, ids, clock, DocumentDigests.random(), java.time.Duration.ofDays(1));
    }

    /**
     * @param documents       how receipts name the passenger's document (a keyed digest, never the number)
     * @param receiptValidity how long a receipt is valid after it is issued ({@code exp} = {@code iat} + this)
     */
    public CheckTravel(Enforcement enforcement, DecisionLog log, CheckCounter counter, Receipts receipts,
            Supplier<String> ids, Clock clock, DocumentDigests documents, java.time.Duration receiptValidity) {
        this(enforcement, log, counter, receipts, ids, clock, documents, receiptValidity, java.time.Duration.ZERO);
    }

    /**
     * @param documents            how receipts name the passenger's document (a keyed digest, never the number)
     * @param receiptValidity      how long a receipt is valid after it is issued ({@code exp} = {@code iat} + this)
     * @param receiptGroupInterval least time between two signatures of single answers while they come
     *                             concurrently ({@link ReceiptSigner}); zero: none
     */
    public CheckTravel(Enforcement enforcement, DecisionLog log, CheckCounter counter, Receipts receipts,
            Supplier<String> ids, Clock clock, DocumentDigests documents, java.time.Duration receiptValidity,
            java.time.Duration receiptGroupInterval) {
        java.util.List<String> unknown = TravelMeasures.unknownNames(enforcement.catalogue());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the catalogue's bars name what no ticket can be: " + unknown);
        }
        this.enforcement = enforcement;
        this.log = log;
        this.counter = counter;
        this.signer = new ReceiptSigner(receipts, () -> "TR-" + java.util.UUID.randomUUID(), clock, receiptValidity,
                receiptGroupInterval);
        this.ids = ids;
        this.clock = clock;
        this.documents = documents;
        this.validitySeconds = receiptValidity.toSeconds();
    }

    /** Today in China by this service's clock: what "born in the future" is judged against. */
    public java.time.LocalDate today() {
        return credit.platform.identifiers.ChinaTime.today(clock);
    }

    /** One check, waiting for its receipt. */
    public TravelCheckResult check(TravelCheck check, String client) {
        try {
            return checkAsync(check, client).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * One check: decided (and a DENY logged) now, on the caller's thread — an invalid check or an
     * index that is not current throws here; the answer completes once its receipt is signed
     * together with the other answers waiting at that moment (see {@link ReceiptSigner}). Answers
     * of successive calls complete in call order, on the signing thread.
     */
    public CompletableFuture<TravelCheckResult> checkAsync(TravelCheck check, String client) {
        Instant now = clock.instant();
        Answer a = answer(decide(check, now, enforcement.current()), new ClaimsWriter(client), client, now);
        return signer.submit(a.decisionBytes()).thenApply(a::withReceipt);
    }

    /**
     * A whole train or flight: one result per check, in order, under <b>one</b> signature — a hash
     * tree over the decisions, its signed root as the batch receipt, and each result's own receipt
     * with its inclusion proof (provable alone).
     */
    public Batch checkBatch(List<TravelCheck> checks, String client) {
        return checkBatch(checks, client, true);
    }

    /**
     * A batch as {@link #checkBatch(List, String)}; with {@code selfContained} false each result's
     * {@code receipt} is empty and its {@link Proof} (decision bytes, index, sibling hashes) goes in
     * {@link Batch#proofs()} instead: together with the batch's envelope it proves that one answer
     * exactly as the self-contained receipt does (same tree, same signature), without repeating the
     * envelope and the text encoding per answer.
     */
    public Batch checkBatch(List<TravelCheck> checks, String client, boolean selfContained) {
        Instant now = clock.instant();
        int n = checks.size();
        AsOf asOf = enforcement.current(); // one index state for the whole batch, or none at all
        List<Decided> decided = new ArrayList<>(n);
        for (TravelCheck check : checks) {
            decided.add(decide(check, now, asOf)); // all decided before anything is written
        }
        ClaimsWriter writer = new ClaimsWriter(client);
        List<Answer> answers = new ArrayList<>(n);
        List<byte[]> bytes = new ArrayList<>(n);
        for (Decided d : decided) {
            Answer a = answer(d, writer, client, now);
            answers.add(a);
            bytes.add(a.decisionBytes());
        }
        ReceiptSigner.SignedTree signed = signer.signTree(bytes);
        List<TravelCheckResult> results = new ArrayList<>(n);
        if (selfContained) {
            for (int i = 0; i < n; i++) {
                results.add(answers.get(i).withReceipt(
                        DecisionReceipt.serialize(signed.envelope(), bytes.get(i), i, signed.tree())));
            }
            return new Batch(results, signed.envelope());
        }
        List<Proof> proofs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(answers.get(i).unsigned());
            proofs.add(new Proof(bytes.get(i), i, signed.tree().proofBytes(i)));
        }
        return new Batch(results, signed.envelope(), proofs);
    }

    /**
     * Batch results and the signed root over all of them ({@code receipt}, the envelope JWS); for a
     * compact batch, each result's proof at the same position (empty list for self-contained receipts).
     */
    public record Batch(List<TravelCheckResult> results, String receipt, List<Proof> proofs) {

        public Batch(List<TravelCheckResult> results, String receipt) {
            this(results, receipt, List.of());
        }
    }

    /**
     * One answer's compact inclusion proof: the exact decision bytes its leaf hashes (the claims
     * JSON of the self-contained receipt), its index in the batch, and its sibling hashes leaf to
     * root, 32 bytes each — hashes of the other answers, never their content.
     */
    public record Proof(byte[] decision, int index, byte[] siblings) {
    }

    @Override
    public void close() {
        signer.close();
    }

    private Decided decide(TravelCheck check, Instant now, AsOf asOf) {
        TravelCheck trip = check.departure() == null ? check.departingAt(now) : check;
        return new Decided(trip, reasons(trip, enforcement.records(trip.document().key())), asOf);
    }

    private Answer answer(Decided d, ClaimsWriter writer, String client, Instant now) {
        String id = ids.get();
        Decision decision = d.reasons().isEmpty() ? Decision.ALLOW : Decision.DENY;
        if (decision == Decision.DENY) {
            log.append(new DecisionLogEntry(id, now, client, d.reasons(), d.trip().mode(), d.trip().serviceClass(),
                    d.trip().trainNumber(), d.trip().departure(), d.asOf().sequence(), d.trip().document().key()));
        }
        counter.count(decision, d.trip().mode(), client);
        return new Answer(new TravelCheckResult(d.trip().passengerRef(), decision, d.reasons(), id, d.asOf(), ""),
                writer.claims(id, decision, d, now));
    }

    private record Answer(TravelCheckResult unsigned, byte[] decisionBytes) {
        TravelCheckResult withReceipt(String receipt) {
            TravelCheckResult r = unsigned;
            return new TravelCheckResult(r.passengerRef(), r.decision(), r.reasons(), r.decisionId(), r.asOf(), receipt);
        }
    }

    /** Every reason the trip is barred at its departure, in catalogue order. */
    List<Reason> reasons(TravelCheck trip, List<RestrictionRecord> records) {
        SanctionCatalogue catalogue = enforcement.catalogue();
        Instant at = trip.departure();
        List<Reason> reasons = new ArrayList<>(1);
        for (JointSanctionRule rule : catalogue.rules()) {
            for (RestrictionRecord r : records) {
                if (!rule.triggeredBy(r.listId(), r.listKind()) || !r.bindsAt(at)
                        || !rule.withinCap(r.effectiveFrom(), at)) {
                    continue;
                }
                for (String measure : rule.measures()) {
                    if (TravelMeasures.bars(catalogue.measure(measure), trip)) {
                        reasons.add(new Reason(rule.reasonCode(), measure, r.authority(), r.recordId(), rule.appeal(),
                                r.binding() == null ? "" : r.binding().capacity(), r.listId()));
                    }
                }
            }
        }
        return reasons;
    }

    /**
     * Writes decisions' claims as compact JSON, directly (no map per answer), for one call: the
     * digest, the client and the catalogue version are set up once, and the text of an instant is
     * reused while it repeats (a batch shares its index state and usually its departure). Fields:
     * iss, jti, iat, exp, aud, decision, reasons, passengerRef, documentHmac, mode, seatClass, trainNumber
     * (rail), travelAt, asOfSequence, asOfTime, stale, client, catalogueVersion — the bytes the hash
     * tree covers. One thread at a time.
     */
    private final class ClaimsWriter {

        private final String clientJson;
        private final String catalogueJson;
        private final StringBuilder s = new StringBuilder(768);
        private Instant travelAt;
        private String travelAtText;
        private Instant asOfTime;
        private String asOfTimeText;

        ClaimsWriter(String client) {
            StringBuilder c = new StringBuilder();
            ClaimsJson.write(c, client);
            this.clientJson = c.toString();
            c.setLength(0);
            ClaimsJson.write(c, enforcement.catalogue().version());
            this.catalogueJson = c.toString();
        }

        byte[] claims(String id, Decision decision, Decided d, Instant now) {
            TravelCheck trip = d.trip();
            s.setLength(0);
            s.append("{\"iss\":\"" + ISSUER + "\",\"jti\":");
            ClaimsJson.string(s, id);
            s.append(",\"iat\":").append(now.getEpochSecond());
            // valid for a bounded time, and for the client that asked (JWT exp, aud)
            s.append(",\"exp\":").append(now.getEpochSecond() + validitySeconds);
            s.append(",\"aud\":").append(clientJson);
            s.append(",\"decision\":\"").append(decision.name()).append("\",\"reasons\":[");
            for (int i = 0; i < d.reasons().size(); i++) {
                Reason r = d.reasons().get(i);
                s.append(i == 0 ? "{\"code\":" : ",{\"code\":");
                ClaimsJson.string(s, r.code());
                s.append(",\"measure\":");
                ClaimsJson.string(s, r.measure());
                s.append(",\"authority\":");
                ClaimsJson.string(s, r.authority());
                s.append(",\"recordRef\":");
                ClaimsJson.string(s, r.recordRef());
                if (!r.capacity().isEmpty()) {
                    s.append(",\"capacity\":");
                    ClaimsJson.string(s, r.capacity());
                }
                s.append('}');
            }
            s.append("],\"passengerRef\":");
            ClaimsJson.string(s, trip.passengerRef());
            // The document as a keyed digest: not reversible by trying every number; whoever holds the
            // document asks the service to show the receipt is about it (receipts/verify with the document).
            s.append(",\"" + DocumentDigests.CLAIM + "\":\"").append(documents.of(trip.document()));
            s.append("\",\"mode\":\"").append(trip.mode().name()).append("\",\"seatClass\":");
            ClaimsJson.string(s, trip.serviceClass().seatClass());
            if (!trip.trainNumber().isEmpty()) {
                s.append(",\"trainNumber\":");
                ClaimsJson.string(s, trip.trainNumber());
            }
            if (!trip.departure().equals(travelAt)) {
                travelAt = trip.departure();
                travelAtText = travelAt.toString();
            }
            if (!d.asOf().time().equals(asOfTime)) {
                asOfTime = d.asOf().time();
                asOfTimeText = asOfTime.toString();
            }
            s.append(",\"travelAt\":\"").append(travelAtText).append("\",\"asOfSequence\":")
                    .append(d.asOf().sequence()).append(",\"asOfTime\":\"").append(asOfTimeText)
                    .append("\",\"stale\":").append(d.asOf().stale()).append(",\"client\":").append(clientJson)
                    .append(",\"catalogueVersion\":").append(catalogueJson).append('}');
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }
    }


    private record Decided(TravelCheck trip, List<Reason> reasons, AsOf asOf) {
    }
}
