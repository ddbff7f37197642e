package credit.platform.client;

/** 409: the request conflicts with what exists, e.g. a subject with the same identifier. */
public class ConflictException extends PlatformProblemException {

    public ConflictException(PlatformProblemException problem) {
        super(problem);
    }

    /** The id of the subject that already holds the identifier, or null when the problem names none. */
    public String existingSubjectId() {
        Object id = extensions().get("existingSubjectId");
        return id == null ? null : id.toString();
    }
}
