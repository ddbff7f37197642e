package credit.platform.scoring.score.domain;

/** A string that is not a unified social credit code; names the rule it breaks. */
public class InvalidUsccException extends RuntimeException {

    private final String rule;

    public InvalidUsccException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
