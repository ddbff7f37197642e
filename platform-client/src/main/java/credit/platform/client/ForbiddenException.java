package credit.platform.client;

/** 403: The client's scopes (or agency) do not allow this request. */
public class ForbiddenException extends PlatformProblemException {

    public ForbiddenException(PlatformProblemException problem) {
        super(problem);
    }
}
