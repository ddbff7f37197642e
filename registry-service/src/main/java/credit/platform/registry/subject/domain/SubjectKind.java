package credit.platform.registry.subject.domain;

public enum SubjectKind {
    PERSON, LEGAL_ENTITY, GOVERNMENT_BODY
}
