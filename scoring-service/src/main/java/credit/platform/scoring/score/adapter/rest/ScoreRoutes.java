package credit.platform.scoring.score.adapter.rest;

import credit.platform.common.security.RestRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scope each score route needs; anything not listed is denied. Scores of persons are never
 * public: every read needs {@code scoring.read}; models change only with {@code platform.admin}
 * (the shared security configuration admits that scope alone when a route names it, and the API
 * description shows it as the route's {@code x-required-scope}, as the gateway's route table has it).
 */
@Configuration(proxyBeanMethods = false)
class ScoreRoutes {

    static final String ADMIN = credit.platform.common.security.Scopes.PLATFORM_ADMIN;

    @Bean
    RestRoute publishModelVersion() {
        return RestRoute.post("/api/v1/scores/models", ADMIN);
    }

    @Bean
    RestRoute startRecompute() {
        return RestRoute.post("/api/v1/scores/models/*/recompute", ADMIN);
    }

    @Bean
    RestRoute recomputeProgress() {
        return RestRoute.get("/api/v1/scores/models/*/recompute", ADMIN);
    }

    @Bean
    RestRoute readScores() {
        return RestRoute.get("/api/v1/scores/*", "scoring.read");
    }

    /**
     * The public grade of a legal entity: open to everyone, no token (grade, model and instant only; a
     * person's code is the same 404 as an unknown one).
     */
    @Bean
    RestRoute readPublicCompanyGrade() {
        return RestRoute.openGet("/api/v1/scores/public/companies/*/grade");
    }

    @Bean
    RestRoute readScoreHistory() {
        return RestRoute.get("/api/v1/scores/*/history", "scoring.read");
    }
}
