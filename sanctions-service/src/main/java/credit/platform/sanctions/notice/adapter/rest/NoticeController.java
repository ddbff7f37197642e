package credit.platform.sanctions.notice.adapter.rest;

import credit.platform.common.security.RestRoute;
import credit.platform.common.security.SubjectClaims;
import credit.platform.common.web.Problems;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.notice.domain.Holders;
import credit.platform.sanctions.notice.domain.Notice;
import credit.platform.sanctions.notice.domain.NoticeService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

    /** Notices to the verified e-mail of the caller's own account (the token's), from now on; 204. */
    @PostMapping({"/api/v1/me/notices/address", "/api/v1/me/company/notices/address"})
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
    void register(JwtAuthenticationToken token, HttpServletRequest request) {
        String email = token.getToken().getClaimAsString("email");
        Boolean verified = token.getToken().getClaimAsBoolean("email_verified");
        if (email == null || email.isBlank() || !Boolean.TRUE.equals(verified)) {
            throw new NoVerifiedEmail();
        }
        String subject = self(token, request).orElseThrow(NotOnRecord::new);
        notices.registerAddress(subject, email.strip());
    }

    record MeasureView(String code, String kind, String description, String legalBasis) {
    }

    record RuleView(String id, String listId, String listKind, String modelId, List<String> grades, String reasonCode,
            String maxDuration, List<MeasureView> measures, List<String> signatories, String appeal, String legalBasis) {
    }

    record MeasuresView(String version, List<RuleView> rules) {
    }

    /** The joint measures each list (or grade) triggers: the catalogue the checks apply, public by law. */
    @GetMapping("/api/v1/public/measures")
    MeasuresView measures() {
        var c = enforcement.catalogue();
        return new MeasuresView(c.version(), c.rules().stream().map(r -> new RuleView(r.id(), r.listId(), r.listKind(),
                r.modelId(), r.grades(), r.reasonCode(), r.maxDuration() == null ? null : r.maxDuration().toString(),
                r.measures().stream().map(c::measure).filter(java.util.Objects::nonNull)
                        .map(m -> new MeasureView(m.code(), m.kind().name(), m.description(), m.legalBasis())).toList(),
                r.signatories(), r.appeal(), r.legalBasis())).toList());
    }

    static final class NoVerifiedEmail extends RuntimeException {
    }

    static final class NotOnRecord extends RuntimeException {
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(NoVerifiedEmail.class)
    ProblemDetail noVerifiedEmail(NoVerifiedEmail e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "no-verified-email", "No verified e-mail",
                "Your account has no verified e-mail address to send notices to.");
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(NotOnRecord.class)
    ProblemDetail notOnRecord(NotOnRecord e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-on-record", "Not on record",
                "The platform holds nothing about you, so there is nothing to notify yet.");
    }

    private Optional<String> self(JwtAuthenticationToken token, HttpServletRequest request) {
        SubjectClaims.SelfServiceCaller caller =
                SubjectClaims.selfServiceCaller(token.getToken(), request.getRequestURI());
        return holders.holderOf(caller.identifier(), caller.company());
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
