package credit.platform.registry.subject.domain;

public enum SubjectStatus {
    ACTIVE, DEREGISTERED, DECEASED
}
