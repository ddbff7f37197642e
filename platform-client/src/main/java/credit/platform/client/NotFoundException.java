package credit.platform.client;

/** 404: The addressed subject, list or record does not exist. */
public class NotFoundException extends PlatformProblemException {

    public NotFoundException(PlatformProblemException problem) {
        super(problem);
    }
}
