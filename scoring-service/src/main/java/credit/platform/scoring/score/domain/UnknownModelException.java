package credit.platform.scoring.score.domain;

/** The model asked for does not exist. */
public class UnknownModelException extends RuntimeException {

    private final String modelId;

    public UnknownModelException(String modelId) {
        super("No scoring model with id " + modelId);
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
