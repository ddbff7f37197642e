package credit.platform.scoring.score.domain;

import java.util.List;

/** Port to the registry's permits and licences. */
public interface PermitSource {

    /** A source that knows no permits (models without permit rules need none). */
    PermitSource NONE = subjectId -> List.of();

    /**
     * Every permit of the subject on record (lapsed and withdrawn ones included).
     *
     * @throws SourceUnavailableException when the registry cannot answer
     */
    List<PermitFact> permits(String subjectId);
}
