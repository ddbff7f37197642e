package credit.platform.lists.definition.domain;

/** The kinds of subject a list may name (mirrors the registry's). */
public enum SubjectKind {
    PERSON, LEGAL_ENTITY, GOVERNMENT_BODY
}
