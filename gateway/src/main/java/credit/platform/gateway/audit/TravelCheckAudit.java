package credit.platform.gateway.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import credit.platform.gateway.audit.domain.AuditEntry;
import credit.platform.gateway.audit.domain.AuditLog;
import credit.platform.gateway.request.Purpose;
import credit.platform.gateway.audit.domain.SubjectRefs;
import credit.platform.gateway.audit.domain.TravelAnswer;
import credit.platform.gateway.traffic.TravelCheckCounts;
import reactor.core.publisher.Mono;

/**
 * What the audit keeps of travel checks, for the REST route and the gRPC proxy alike: every answer
 * holding a DENY becomes one chained entry naming the denied passengers (identifier fingerprints,
 * never the number); ALLOW and DENY answers are counted per client and day, in memory
 * ({@link TravelCheckCounts}, written periodically). An answer without a DENY waits for nothing: its
 * {@link Mono} is already complete. A DENY that cannot be recorded fails the returned {@link Mono}
 * (the caller withholds the answer).
 */
public final class TravelCheckAudit {

    /** A travel check enforces the consumption restriction: its purpose is fixed, not stated. */
    static final String PURPOSE = Purpose.ENFORCEMENT.name();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AuditLog auditLog;
    private final SubjectRefs subjectRefs;
    private final Clock clock;
    private final TravelCheckCounts counts;

    public TravelCheckAudit(AuditLog auditLog, SubjectRefs subjectRefs, Clock clock, TravelCheckCounts counts) {
        this.auditLog = auditLog;
        this.subjectRefs = subjectRefs;
        this.clock = clock;
        this.counts = counts;
    }

    /** The in-memory counters (requests by outcome are counted by the REST filter). */
    public TravelCheckCounts counts() {
        return counts;
    }

    /**
     * Records one answer (a single check, or a whole batch) given to {@code clientId}.
     *
     * @param method {@code POST} for REST, {@code GRPC} for the proxy
     * @param route  the route table line or the full gRPC method name
     * @param status the HTTP status of the answer (200 for an answered gRPC call)
     */
    public Mono<Void> record(String clientId, String agency, String method, String route, int status,
            List<TravelAnswer> answers) {
        Set<String> denied = new LinkedHashSet<>();
        int allows = 0;
        int denies = 0;
        for (TravelAnswer answer : answers) {
            if (answer.deny()) {
                denies++;
                // the kernel's canonical key: the same person in any spelling gets the same fingerprint
                denied.add(subjectRefs.identifier(answer.scheme(), answer.value(), answer.country(),
                        LocalDate.ofInstant(clock.instant(), CHINA)));
            } else {
                allows++;
            }
        }
        if (denied.isEmpty()) {
            counts.decisions(clientId, allows, 0);
            return Mono.empty();
        }
        AuditEntry.Draft draft = new AuditEntry.Draft(clock.instant(), clientId, agency, PURPOSE,
                List.copyOf(denied), method, route, status);
        int allowed = allows;
        int deniedCount = denies;
        // the log's own bounds (queue, wait, store timeout with read-back): never a timeout of our own;
        // counted once recorded (a withheld answer was not given)
        return auditLog.append(draft)
                .doOnSuccess(entry -> counts.decisions(clientId, allowed, deniedCount)).then();
    }
}
