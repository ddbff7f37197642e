package credit.platform.scoring.score.adapter.rest;

import credit.platform.common.security.RestRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scope each score route needs; anything not listed is denied. */
@Configuration(proxyBeanMethods = false)
class ScoreRoutes {

    @Bean
    RestRoute readScores() {
        return RestRoute.get("/api/v1/scores/*", "scoring.read");
    }
}
