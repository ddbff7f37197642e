package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The scoring models the service knows, every version of each, and the default one per subject
 * kind. A model id's version in effect at an instant is the highest version whose
 * {@code effectiveFrom} is not after it.
 */
public interface ModelCatalogue {

    /** The version of the model in effect now. */
    Optional<ScoringModel> find(String modelId);

    Optional<ScoringModel> find(String modelId, int version);

    /** The version in effect now of the default model for the kind. */
    Optional<ScoringModel> defaultFor(SubjectKind kind);

    /** Every version of every model, by id then version. */
    List<ModelDefinition> all();

    /**
     * Adds a new version of a model (or a new model); never replaces a stored version.
     *
     * @throws ModelVersionConflictException when the version exists or is not the newest
     */
    ModelDefinition publish(ModelDefinition definition, Instant now);
}
