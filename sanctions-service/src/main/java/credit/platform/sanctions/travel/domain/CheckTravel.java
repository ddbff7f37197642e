package credit.platform.sanctions.travel.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Use case: decide travel checks. For each check: resolve the document to a subject (registry);
 * no subject means the platform knows nothing against the passenger — ALLOW; otherwise read the
 * subject's records (lists) and apply {@link TravelRestrictions} at the departure (now by default).
 *
 * <p>A batch is decided in full before anything is written: if the registry or the lists service
 * fails for any passenger, the whole call fails with {@link SourceUnavailableException} and nothing
 * is logged. <b>Fail closed, never silently open:</b> an unavailable source is never turned into an
 * ALLOW (that would let a listed debtor board whenever a service is down) nor into a DENY (that
 * would bar everyone); the caller gets "unavailable" and applies its documented fallback.
 *
 * <p>A DENY gets a fresh opaque decision reference and one decision-log entry (no name, no
 * document number); an ALLOW leaves nothing but a counter.
 */
public class CheckTravel {

    private final IdentityResolver identities;
    private final RecordSource records;
    private final DecisionLog log;
    private final CheckCounter counter;
    private final Supplier<String> references;
    private final Clock clock;

    public CheckTravel(IdentityResolver identities, RecordSource records, DecisionLog log, CheckCounter counter,
            Supplier<String> references, Clock clock) {
        this.identities = identities;
        this.records = records;
        this.log = log;
        this.counter = counter;
        this.references = references;
        this.clock = clock;
    }

    public TravelCheckResult check(TravelCheck check) {
        return checkAll(List.of(check)).getFirst();
    }

    /** One result per check, in order. */
    public List<TravelCheckResult> checkAll(List<TravelCheck> checks) {
        Instant now = clock.instant();
        List<Decided> decided = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            TravelCheck check = checks.get(i);
            TravelCheck trip = check.departure() == null ? check.departingAt(now) : check;
            try {
                decided.add(decide(trip));
            } catch (InvalidTravelCheckException e) {
                throw checks.size() == 1 ? e : e.prefixed("checks[" + i + "].");
            }
        }
        List<TravelCheckResult> results = new ArrayList<>(decided.size());
        for (Decided d : decided) {
            String reference = "";
            if (d.decision().denied()) {
                reference = references.get();
                log.append(new DecisionLogEntry(reference, now, d.subjectId(), d.decision().listId(),
                        d.decision().recordId(), d.decision().reasonCode(), d.trip().mode(), d.trip().serviceClass(),
                        d.trip().departure()));
            }
            counter.count(d.decision().decision(), d.trip().mode());
            results.add(new TravelCheckResult(d.trip().passengerRef(), d.decision(), reference));
        }
        return results;
    }

    private Decided decide(TravelCheck trip) {
        Optional<String> subject = identities.subjectIdFor(trip.document());
        if (subject.isEmpty()) {
            return new Decided(trip, null, TravelDecision.ALLOW);
        }
        return new Decided(trip, subject.get(), TravelRestrictions.decide(trip, records.currentRecords(subject.get())));
    }

    private record Decided(TravelCheck trip, String subjectId, TravelDecision decision) {
    }
}
