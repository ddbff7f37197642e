package credit.platform.client;

/** 401: The token was missing, invalid or expired, even after one refresh. */
public class UnauthenticatedException extends PlatformProblemException {

    public UnauthenticatedException(PlatformProblemException problem) {
        super(problem);
    }
}
