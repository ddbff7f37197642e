package credit.platform.scoring.score.domain;

/** The kinds of subject the registry knows; a model scores one kind. */
public enum SubjectKind {
    PERSON, LEGAL_ENTITY, GOVERNMENT_BODY
}
