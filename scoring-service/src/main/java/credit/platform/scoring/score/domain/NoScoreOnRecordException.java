package credit.platform.scoring.score.domain;

/** The history holds no score for the subject under the model at or before the instant asked for. */
public class NoScoreOnRecordException extends RuntimeException {

    public NoScoreOnRecordException(String message) {
        super(message);
    }
}
