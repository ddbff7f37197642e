package credit.platform.sanctions.travel.domain;

import credit.platform.sanctions.enforcement.domain.AsOf;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.IndexNotCurrentException;
import credit.platform.sanctions.enforcement.domain.JointSanctionRule;
import credit.platform.sanctions.enforcement.domain.RestrictionRecord;
import credit.platform.sanctions.enforcement.domain.SanctionCatalogue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public CheckTravel(Enforcement enforcement, DecisionLog log, CheckCounter counter, Receipts receipts,
            Supplier<String> ids, Clock clock) {
        this.enforcement = enforcement;
        this.log = log;
        this.counter = counter;
        this.signer = new ReceiptSigner(receipts, () -> "TR-" + java.util.UUID.randomUUID(), clock);
        this.ids = ids;
        this.clock = clock;
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
        Answer a = answer(decide(check, now), client, now);
        return signer.submit(a.decisionBytes()).thenApply(a::withReceipt);
    }

    /**
     * A whole train or flight: one result per check, in order, under <b>one</b> signature — a hash
     * tree over the decisions, its signed root as the batch receipt, and each result's own receipt
     * with its inclusion proof (provable alone).
     */
    public Batch checkBatch(List<TravelCheck> checks, String client) {
        Instant now = clock.instant();
        List<Decided> decided = new ArrayList<>(checks.size());
        for (TravelCheck check : checks) {
            decided.add(decide(check, now)); // all decided before anything is written
        }
        List<Answer> answers = new ArrayList<>(decided.size());
        List<byte[]> bytes = new ArrayList<>(decided.size());
        for (Decided d : decided) {
            Answer a = answer(d, client, now);
            answers.add(a);
            bytes.add(a.decisionBytes());
        }
        ReceiptSigner.Signed signed = signer.signAll(bytes);
        List<TravelCheckResult> results = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            results.add(answers.get(i).withReceipt(signed.receipts().get(i)));
        }
        return new Batch(results, signed.envelope());
    }

    /** Batch results (each with its own receipt) and the signed root over all of them. */
    public record Batch(List<TravelCheckResult> results, String receipt) {
    }

    @Override
    public void close() {
        signer.close();
    }

    private Decided decide(TravelCheck check, Instant now) {
        TravelCheck trip = check.departure() == null ? check.departingAt(now) : check;
        Enforcement.Lookup lookup = enforcement.lookup(trip.document().key());
        return new Decided(trip, reasons(trip, lookup.records()), lookup.asOf());
    }

    private Answer answer(Decided d, String client, Instant now) {
        String id = ids.get();
        Decision decision = d.reasons().isEmpty() ? Decision.ALLOW : Decision.DENY;
        if (decision == Decision.DENY) {
            log.append(new DecisionLogEntry(id, now, client, d.reasons(), d.trip().mode(), d.trip().serviceClass(),
                    d.trip().trainNumber(), d.trip().departure(), d.asOf().sequence()));
        }
        counter.count(decision, d.trip().mode(), client);
        return new Answer(new TravelCheckResult(d.trip().passengerRef(), decision, d.reasons(), id, d.asOf(), ""),
                ClaimsJson.bytes(claims(id, decision, d, client, now)));
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
                    if (TravelMeasures.bars(measure, trip)) {
                        reasons.add(new Reason(rule.reasonCode(), measure, r.authority(), r.recordId(), rule.appeal(),
                                r.binding() == null ? "" : r.binding().capacity(), r.listId()));
                    }
                }
            }
        }
        return reasons;
    }

    private Map<String, Object> claims(String id, Decision decision, Decided d, String client, Instant now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", ISSUER);
        c.put("jti", id);
        c.put("iat", now.getEpochSecond());
        c.put("decision", decision.name());
        c.put("reasons", d.reasons().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", r.code());
            m.put("measure", r.measure());
            m.put("authority", r.authority());
            m.put("recordRef", r.recordRef());
            if (!r.capacity().isEmpty()) {
                m.put("capacity", r.capacity());
            }
            return m;
        }).toList());
        c.put("passengerRef", d.trip().passengerRef());
        // The document as a digest: the caller, who knows the number, can show the receipt is about it.
        c.put("documentSha256", sha256(d.trip().document().scheme() + ":" + d.trip().document().country() + ":"
                + d.trip().document().number()));
        c.put("mode", d.trip().mode().name());
        c.put("seatClass", d.trip().serviceClass().seatClass());
        if (!d.trip().trainNumber().isEmpty()) {
            c.put("trainNumber", d.trip().trainNumber());
        }
        c.put("travelAt", d.trip().departure().toString());
        c.put("asOfSequence", d.asOf().sequence());
        c.put("asOfTime", d.asOf().time().toString());
        c.put("stale", d.asOf().stale());
        c.put("client", client);
        c.put("catalogueVersion", enforcement.catalogue().version());
        return c;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Decided(TravelCheck trip, List<Reason> reasons, AsOf asOf) {
    }
}
