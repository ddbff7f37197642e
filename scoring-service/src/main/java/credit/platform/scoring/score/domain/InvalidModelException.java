package credit.platform.scoring.score.domain;

/** A model definition that does not describe a valid model; names the field and what is wrong. */
public class InvalidModelException extends RuntimeException {

    private final String field;

    public InvalidModelException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
