package credit.platform.client.scoring;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Scores and grades (scoring-service, via the gateway). */
public interface ScoringApi {

    /** Needs scope {@code scoring.read}. */
    @GetMapping(path = "/api/v1/scores/{subjectId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ScoreView getScore(@PathVariable("subjectId") String subjectId);
}
