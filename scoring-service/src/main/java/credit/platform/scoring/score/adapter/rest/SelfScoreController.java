package credit.platform.scoring.score.adapter.rest;

import credit.platform.common.security.RestRoute;
import credit.platform.common.security.SubjectClaims;
import credit.platform.common.web.Problems;
import credit.platform.scoring.score.adapter.rest.ScoreJson.HistoryEntryView;
import credit.platform.scoring.score.adapter.rest.ScoreJson.HistoryView;
import credit.platform.scoring.score.adapter.rest.ScoreJson.ModelView;
import credit.platform.scoring.score.adapter.rest.ScoreJson.ScoreView;
import credit.platform.scoring.score.domain.CompanyRegister;
import credit.platform.scoring.score.domain.ModelCatalogue;
import credit.platform.scoring.score.domain.ScoreSubject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-service scores: a signed-in person's own score ({@code /api/v1/me/score}) or a company
 * representative's company's ({@code /api/v1/me/company/score}) — points, grade, every contribution,
 * as of any date, and the history. Who they are comes from the token only. And the public "how it
 * works": the models and their bands ({@code /api/v1/public/models}, open).
 */
@RestController
class SelfScoreController {

    private final CompanyRegister register;
    private final ScoreSubject scores;
    private final ModelCatalogue models;

    SelfScoreController(CompanyRegister register, ScoreSubject scores, ModelCatalogue models) {
        this.register = register;
        this.scores = scores;
        this.models = models;
    }

    @GetMapping({"/api/v1/me/score", "/api/v1/me/company/score"})
    ScoreView score(@RequestParam(required = false) String asOf, JwtAuthenticationToken token, HttpServletRequest request) {
        String subjectId = self(token, request);
        if (asOf != null && !asOf.isBlank()) {
            return ScoreView.of(scores.scoreAsOf(subjectId, null, ScoreController.parseAsOf(asOf)));
        }
        return ScoreView.of(scores.score(subjectId, null, "self-service request"));
    }

    @GetMapping({"/api/v1/me/score/history", "/api/v1/me/company/score/history"})
    HistoryView history(JwtAuthenticationToken token, HttpServletRequest request) {
        String subjectId = self(token, request);
        return new HistoryView(subjectId, scores.history(subjectId, null, 100).stream().map(HistoryEntryView::of).toList());
    }

    /** The scoring models, their rules and bands: the same definitions the service scores with. */
    @GetMapping("/api/v1/public/models")
    List<ModelView> publicModels() {
        return models.all().stream().map(ModelView::of).toList();
    }

    private String self(JwtAuthenticationToken token, HttpServletRequest request) {
        SubjectClaims.SelfServiceCaller caller =
                SubjectClaims.selfServiceCaller(token.getToken(), request.getRequestURI());
        String identifier = caller.identifier();
        return (caller.company() ? register.holderOf(identifier) : register.holderOfResidentId(identifier))
                .orElseThrow(NotOnRecord::new);
    }

    /** Nobody in the registry holds the caller's identifier: nothing is recorded about them, so no score. */
    static final class NotOnRecord extends RuntimeException {
        NotOnRecord() {
            super("The platform holds nothing about you, so there is no score.");
        }
    }

    @ExceptionHandler(NotOnRecord.class)
    ProblemDetail notOnRecord(NotOnRecord e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-on-record", "Not on record", e.getMessage());
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RestRoute personReadsOwnScore() {
            return RestRoute.person(HttpMethod.GET, "/api/v1/me/score/**");
        }

        @Bean
        RestRoute personReadsOwnScoreNow() {
            return RestRoute.person(HttpMethod.GET, "/api/v1/me/score");
        }

        @Bean
        RestRoute companyReadsOwnScore() {
            return RestRoute.company(HttpMethod.GET, "/api/v1/me/company/score/**");
        }

        @Bean
        RestRoute companyReadsOwnScoreNow() {
            return RestRoute.company(HttpMethod.GET, "/api/v1/me/company/score");
        }

        /** The models and bands: how scores are made is public. */
        @Bean
        RestRoute publicModels() {
            return RestRoute.openGet("/api/v1/public/models");
        }
    }
}
