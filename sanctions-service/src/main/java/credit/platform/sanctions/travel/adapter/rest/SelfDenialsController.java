package credit.platform.sanctions.travel.adapter.rest;

import credit.platform.common.security.RestRoute;
import credit.platform.common.security.SubjectClaims;
import credit.platform.sanctions.enforcement.domain.SubjectDirectory;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import credit.platform.sanctions.notice.domain.Holders;
import credit.platform.sanctions.travel.domain.DecisionLog;
import credit.platform.sanctions.travel.domain.DecisionLogEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The travel checks that denied the signed-in person ({@code /api/v1/me/travel-denials}): with each
 * decision reference, when, which trip, and the reasons (measure, authority, record, capacity). Found
 * by the documents the person holds — the resident ID in their token and every identifier the registry
 * knows for them (a passport bound to it) — through the decision log's keyed document fingerprints.
 */
@RestController
class SelfDenialsController {

    record DenialReasonView(String code, String measure, String authority, String recordId, String listId,
            String capacity) {
    }

    record DenialView(String decisionId, Instant decidedAt, String mode, String serviceClass, String trainNumber,
            Instant travelAt, List<DenialReasonView> reasons) {
        static DenialView of(DecisionLogEntry e) {
            return new DenialView(e.decisionId(), e.decidedAt(), e.mode().name(), e.serviceClass().name(),
                    e.trainNumber(), e.travelAt(), e.reasons().stream().map(r -> new DenialReasonView(r.code(),
                            r.measure(), r.authority(), r.recordRef(), r.listId(),
                            r.capacity() == null || r.capacity().isEmpty() ? null : r.capacity())).toList());
        }
    }

    private final DecisionLog log;
    private final Holders holders;
    private final SubjectDirectory directory;

    SelfDenialsController(DecisionLog log, Holders holders, SubjectDirectory directory) {
        this.log = log;
        this.holders = holders;
        this.directory = directory;
    }

    @GetMapping("/api/v1/me/travel-denials")
    List<DenialView> mine(JwtAuthenticationToken token) {
        String residentId = SubjectClaims.residentId(token.getToken())
                .orElseThrow(() -> new IllegalStateException("the route's security lets only tokens with the claim through"));
        List<SubjectKey> documents = new ArrayList<>();
        documents.add(SubjectKey.residentId(residentId));
        holders.holderOf(residentId, false).ifPresent(id -> documents.addAll(directory.identifiersOf(id)));
        return log.denialsOf(documents, 100).stream().map(DenialView::of).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RestRoute personReadsOwnTravelDenials() {
            return RestRoute.person(HttpMethod.GET, "/api/v1/me/travel-denials");
        }
    }
}
