package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.List;

/** Port to the registry's relationships. */
public interface RelationshipSource {

    /**
     * The subjects related to {@code subjectId} through {@code via} (direction seen from the
     * subject), valid at the instant.
     *
     * @throws SourceUnavailableException when the registry cannot answer
     */
    List<String> related(String subjectId, Via via, Instant at);
}
