package credit.platform.client;

/** 400: The request was rejected as invalid; {@link #errors()} names the fields. */
public class InvalidRequestException extends PlatformProblemException {

    public InvalidRequestException(PlatformProblemException problem) {
        super(problem);
    }
}
