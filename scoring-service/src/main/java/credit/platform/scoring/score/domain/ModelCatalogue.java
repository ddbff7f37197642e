package credit.platform.scoring.score.domain;

import java.util.Optional;

/** The scoring models the service knows, and the default one per subject kind. */
public interface ModelCatalogue {

    Optional<ScoringModel> find(String modelId);

    Optional<ScoringModel> defaultFor(SubjectKind kind);
}
