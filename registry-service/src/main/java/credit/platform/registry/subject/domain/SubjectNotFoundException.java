package credit.platform.registry.subject.domain;

public class SubjectNotFoundException extends RuntimeException {

    public SubjectNotFoundException(String what) {
        super("No subject " + what);
    }
}
