package credit.platform.scoring.score.domain;

/** A model version that exists already, or is not newer than the latest: versions are never rewritten. */
public class ModelVersionConflictException extends RuntimeException {

    public ModelVersionConflictException(String message) {
        super(message);
    }
}
