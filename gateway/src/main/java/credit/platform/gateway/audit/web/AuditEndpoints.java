package credit.platform.gateway.audit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import credit.platform.gateway.audit.AuditProperties;
import credit.platform.gateway.audit.domain.AuditChain;
import credit.platform.gateway.audit.domain.AuditEntry;
import credit.platform.gateway.audit.domain.AuditLog;
import credit.platform.gateway.audit.domain.SubjectRefs;
import credit.platform.gateway.problem.ProblemWriter;
import credit.platform.gateway.request.CanonicalIdentifiers;
import credit.platform.gateway.security.Callers;
import credit.platform.gateway.security.SecurityConfiguration;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The gateway's own endpoints: {@code GET /api/v1/audit/verify} (auditor: is the chain intact?)
 * {@code GET /api/v1/me/access-log} (a signed-in person: who looked at my data, and why) and
 * {@code GET /api/v1/me/company/access-log} (a company's representative: who looked at the company's).
 * Authorization is in {@code SecurityConfiguration} like every other route.
 */
@Configuration(proxyBeanMethods = false)
class AuditEndpoints {

    @Bean
    RouterFunction<ServerResponse> auditRoutes(AuditLog auditLog, SubjectRefs subjectRefs,
            AuditProperties properties, CitizenSubjects citizens, Clock clock) {
        return RouterFunctions.route()
                .GET("/api/v1/audit/verify", request -> {
                    List<AuditChain.Anchor> anchors = new ArrayList<>();
                    for (String list : request.queryParams().getOrDefault("anchors", List.of())) {
                        for (String one : list.split(",")) {
                            if (one.isBlank()) {
                                continue;
                            }
                            try {
                                anchors.add(AuditChain.Anchor.parse(one));
                            } catch (IllegalArgumentException e) {
                                return badAnchor(request.path(), e.getMessage());
                            }
                        }
                    }
                    return auditLog.verify(anchors).flatMap(verdict -> ServerResponse.ok()
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(verdictBody(verdict, anchors.size())));
                })
                // the head to keep outside the database (also logged whenever it moves: AuditAnchors)
                .GET("/api/v1/audit/head", request -> auditLog.head()
                        .map(h -> Map.<String, Object>of("sequence", h.sequence(), "hash", h.hash(), "anchor", h.toString()))
                        .defaultIfEmpty(Map.of("sequence", 0))
                        .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body)))
                .GET("/api/v1/me/access-log", request -> accessLog(request, "RESIDENT_ID",
                        SecurityConfiguration.CITIZEN_CLAIM, auditLog, subjectRefs, properties, citizens, clock))
                // a company's representative: who looked at the company, the USCC from the token only
                .GET("/api/v1/me/company/access-log", request -> accessLog(request, "USCC",
                        SecurityConfiguration.COMPANY_CLAIM, auditLog, subjectRefs, properties, citizens, clock))
                .build();
    }

    /**
     * The accesses to the caller's own data: the identifier is the token's claim ({@code resident_id}
     * of a person, {@code uscc} of a company's representative; the route table lets no one else in),
     * never a parameter. Newest first, a page of at most {@code credit.audit.access-log-limit};
     * {@code ?before=<sequence>} gives the page after that entry, {@code next} names it while older
     * entries may exist.
     */
    private static Mono<ServerResponse> accessLog(org.springframework.web.reactive.function.server.ServerRequest request,
            String scheme, String claim, AuditLog auditLog, SubjectRefs subjectRefs, AuditProperties properties,
            CitizenSubjects subjects, Clock clock) {
        long before;
        String beforeParam = request.queryParam("before").orElse(null);
        try {
            before = beforeParam == null ? Long.MAX_VALUE : Long.parseLong(beforeParam);
        } catch (NumberFormatException e) {
            before = 0;
        }
        if (before <= 0) {
            return badRequest(request.path(), "invalid-page", "Invalid page", "before", "sequence",
                    "before must be the positive sequence number of an entry of this log (its next value)");
        }
        long beforeSequence = before;
        int limit = properties.accessLogLimit();
        return request.principal()
                .map(Callers::of)
                .flatMap(caller -> {
                    String identifier = caller.jwt().getClaimAsString(claim);
                    // accesses by identifier carry its fingerprint, accesses by subject id the id:
                    // the registry says which subject this person (company) is
                    return subjects.subjectOf(scheme, identifier).flatMap(resolution -> {
                        List<String> refs = new ArrayList<>();
                        // the kernel's canonical key: found whichever spelling the access used
                        CanonicalIdentifiers.key(scheme, identifier, null,
                                        LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")))
                                .map(subjectRefs::reference).ifPresent(refs::add);
                        resolution.subjectId().ifPresent(id -> refs.add(SubjectRefs.subject(id)));
                        return auditLog.touching(refs, beforeSequence, limit)
                                .map(AuditEndpoints::accessBody).collectList()
                                .map(entries -> accessLog(entries, scheme, resolution, limit));
                    });
                })
                .flatMap(body -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body));
    }

    /**
     * {@code matchedBy}: what the entries were matched on; without {@code SUBJECT_ID} (registry
     * unreachable) accesses made by subject id are missing and {@code complete} is false. {@code next}:
     * the {@code before} of the next (older) page, when this page is full.
     */
    private static Map<String, Object> accessLog(List<Map<String, Object>> entries, String scheme,
            CitizenSubjects.Resolution resolution, int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", entries);
        body.put("matchedBy", resolution.subjectId().isPresent() ? List.of(scheme, "SUBJECT_ID") : List.of(scheme));
        body.put("complete", resolution.registryAnswered());
        body.put("next", entries.size() == limit && !entries.isEmpty() ? entries.getLast().get("sequence") : null);
        return body;
    }

    private static Mono<ServerResponse> badAnchor(String path, String message) {
        return badRequest(path, "invalid-anchor", "Invalid anchor", "anchors", "format", message);
    }

    private static Mono<ServerResponse> badRequest(String path, String type, String title, String field, String rule,
            String message) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemWriter.TYPE_PREFIX + type);
        problem.put("title", title);
        problem.put("status", 400);
        problem.put("detail", message);
        problem.put("instance", path);
        problem.put("errors", List.of(new ProblemWriter.FieldViolation(field, rule, message)));
        return ServerResponse.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
    }

    private static Map<String, Object> verdictBody(AuditChain.Verdict verdict, int anchorsChecked) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", verdict.intact());
        body.put("entriesChecked", verdict.entriesChecked());
        body.put("anchorsChecked", anchorsChecked);
        if (!verdict.intact()) {
            body.put("firstBrokenSequence", verdict.firstBrokenSequence());
            body.put("reason", verdict.reason());
        }
        return body;
    }

    /** What a person sees about one access: when, which client of which agency, why, what, outcome. */
    private static Map<String, Object> accessBody(AuditEntry e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("time", e.time().toString());
        body.put("client", e.clientId());
        body.put("agency", e.agency());
        body.put("purpose", e.purpose());
        body.put("route", e.route());
        body.put("status", e.status());
        body.put("sequence", e.sequence());
        return body;
    }
}
