package credit.platform.sanctions.notice.adapter.rest;

import credit.platform.common.security.RestRoute;
import credit.platform.common.security.SubjectClaims;
import credit.platform.common.web.Problems;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.JointSanctionRule;
import credit.platform.sanctions.enforcement.domain.Measure;
import credit.platform.sanctions.notice.domain.Holders;
import credit.platform.sanctions.notice.domain.Notice;
import credit.platform.sanctions.notice.domain.NoticeService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in person's ({@code /api/v1/me/notices}) or company's ({@code /api/v1/me/company/notices})
 * notices, and the address they are e-mailed to: {@code POST …/notices/address} takes the verified
 * e-mail of the caller's own account (the token's {@code email} with {@code email_verified}), never an
 * address from the request. And the public catalogue: which joint measures each list triggers
 * ({@code /api/v1/public/measures}, open).
 */
@RestController
class NoticeController {

    record NoticeView(String id, String recordId, String listId, String changeType, String subject, String text,
            Instant createdAt, String mail) {
        static NoticeView of(Notice n) {
            return new NoticeView(n.id(), n.recordId(), n.listId(), n.changeType(), n.subject(), n.text(), n.createdAt(),
                    n.mail().name());
        }
    }

    private final NoticeService notices;
    private final Holders holders;
    private final Enforcement enforcement;

    NoticeController(NoticeService notices, Holders holders, Enforcement enforcement) {
        this.notices = notices;
        this.holders = holders;
        this.enforcement = enforcement;
    }

    @GetMapping({"/api/v1/me/notices", "/api/v1/me/company/notices"})
    List<NoticeView> mine(JwtAuthenticationToken token, HttpServletRequest request) {
        return self(token, request).map(id -> notices.ofSubject(id).stream().map(NoticeView::of).toList())
                .orElse(List.of());
    }

    @PostMapping({"/api/v1/me/notices/address", "/api/v1/me/company/notices/address"})
    ResponseEntity<?> register(JwtAuthenticationToken token, HttpServletRequest request) {
        String email = token.getToken().getClaimAsString("email");
        Boolean verified = token.getToken().getClaimAsBoolean("email_verified");
        if (email == null || email.isBlank() || !Boolean.TRUE.equals(verified)) {
            return ResponseEntity.unprocessableContent().body(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "no-verified-email", "No verified e-mail", "Your account has no verified e-mail address to send notices to."));
        }
        Optional<String> subject = self(token, request);
        if (subject.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-on-record",
                    "Not on record", "The platform holds nothing about you, so there is nothing to notify yet."));
        }
        notices.registerAddress(subject.get(), email.strip());
        return ResponseEntity.noContent().build();
    }

    /** The joint measures each list (or grade) triggers: the catalogue the checks apply, public by law. */
    @GetMapping("/api/v1/public/measures")
    Map<String, Object> measures() {
        var catalogue = enforcement.catalogue();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", catalogue.version());
        body.put("rules", catalogue.rules().stream().map(r -> rule(r, catalogue)).toList());
        return body;
    }

    private static Map<String, Object> rule(JointSanctionRule r, credit.platform.sanctions.enforcement.domain.SanctionCatalogue c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("listId", r.listId());
        m.put("listKind", r.listKind());
        m.put("modelId", r.modelId());
        m.put("grades", r.grades());
        m.put("reasonCode", r.reasonCode());
        m.put("maxDuration", r.maxDuration() == null ? null : r.maxDuration().toString());
        m.put("measures", r.measures().stream().map(c::measure).filter(java.util.Objects::nonNull)
                .map(NoticeController::measure).toList());
        m.put("signatories", r.signatories());
        m.put("appeal", r.appeal());
        m.put("legalBasis", r.legalBasis());
        return m;
    }

    private static Map<String, Object> measure(Measure x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", x.code());
        m.put("kind", x.kind().name());
        m.put("description", x.description());
        m.put("legalBasis", x.legalBasis());
        return m;
    }

    private Optional<String> self(JwtAuthenticationToken token, HttpServletRequest request) {
        boolean company = request.getRequestURI().startsWith("/api/v1/me/company/");
        String value = (company ? SubjectClaims.uscc(token.getToken()) : SubjectClaims.residentId(token.getToken()))
                .orElseThrow(() -> new IllegalStateException("the route's security lets only tokens with the claim through"));
        return holders.holderOf(value, company);
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(io.grpc.StatusRuntimeException.class)
    ProblemDetail registryDown(io.grpc.StatusRuntimeException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", "Service unavailable",
                "The registry could not be asked who you are. Try again later.");
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RestRoute personReadsOwnNotices() {
            return RestRoute.person(HttpMethod.GET, "/api/v1/me/notices");
        }

        @Bean
        RestRoute personRegistersNoticeAddress() {
            return RestRoute.person(HttpMethod.POST, "/api/v1/me/notices/address");
        }

        @Bean
        RestRoute companyReadsOwnNotices() {
            return RestRoute.company(HttpMethod.GET, "/api/v1/me/company/notices");
        }

        @Bean
        RestRoute companyRegistersNoticeAddress() {
            return RestRoute.company(HttpMethod.POST, "/api/v1/me/company/notices/address");
        }

        /** The joint-sanction catalogue: public by law (the published basic list of measures). */
        @Bean
        RestRoute publicMeasures() {
            return RestRoute.openGet("/api/v1/public/measures");
        }
    }
}
