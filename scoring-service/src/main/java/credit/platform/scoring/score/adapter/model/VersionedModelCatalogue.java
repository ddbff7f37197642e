package credit.platform.scoring.score.adapter.model;

import credit.platform.scoring.score.domain.ModelCatalogue;
import credit.platform.scoring.score.domain.ModelDefinition;
import credit.platform.scoring.score.domain.ModelVersions;
import credit.platform.scoring.score.domain.ScoringModel;
import credit.platform.scoring.score.domain.SubjectKind;
import java.util.List;
import java.util.Optional;

/**
 * Reads of a catalogue held in memory as {@link ModelVersions}; subclasses decide where versions
 * come from and where a published one is kept (MongoDB, or memory only).
 */
abstract class VersionedModelCatalogue implements ModelCatalogue {

    protected final ModelVersions versions;

    VersionedModelCatalogue(ModelVersions versions) {
        this.versions = versions;
    }

    @Override
    public Optional<ScoringModel> find(String modelId) {
        return versions.find(modelId);
    }

    @Override
    public Optional<ScoringModel> find(String modelId, int version) {
        return versions.find(modelId, version);
    }

    @Override
    public Optional<ScoringModel> defaultFor(SubjectKind kind) {
        return versions.defaultFor(kind);
    }

    @Override
    public List<ModelDefinition> all() {
        return versions.all();
    }
}
