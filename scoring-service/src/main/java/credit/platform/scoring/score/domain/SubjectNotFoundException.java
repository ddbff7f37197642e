package credit.platform.scoring.score.domain;

/** No subject has the id asked for. */
public class SubjectNotFoundException extends RuntimeException {

    public SubjectNotFoundException(String subjectId) {
        super("No subject with id " + subjectId);
    }
}
