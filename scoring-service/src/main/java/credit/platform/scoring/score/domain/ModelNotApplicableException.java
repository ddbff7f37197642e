package credit.platform.scoring.score.domain;

/** The model asked for (or no model at all) scores the subject's kind. */
public class ModelNotApplicableException extends RuntimeException {

    public ModelNotApplicableException(String message) {
        super(message);
    }
}
