package credit.platform.lists.record.domain;

import java.time.LocalDate;

/**
 * The registry's answer for a named subject.
 *
 * @param identifier the identifier as the registry normalised it
 * @param birthDate  the person's birth date the registry holds; {@code null} when it holds none
 */
public record RegisteredSubject(String subjectId, SubjectIdentifier identifier, LocalDate birthDate) {

    public RegisteredSubject(String subjectId, SubjectIdentifier identifier) {
        this(subjectId, identifier, null);
    }
}
