package credit.platform.lists.record.domain;

/**
 * The registry's answer for a named subject.
 *
 * @param identifier the identifier as the registry normalised it
 */
public record RegisteredSubject(String subjectId, SubjectIdentifier identifier) {
}
