package credit.platform.sanctions.enforcement.domain;

import java.util.List;

/**
 * Port to the registry, asked when a record is indexed and when the registry announces a change of a
 * subject the index holds (never when a check is answered).
 */
public interface SubjectDirectory {

    /**
     * Every identifier the subject holds now (a passport bound to a resident ID resolves to the same
     * subject, so it is among them); empty when the registry does not know the subject.
     *
     * @throws DirectoryUnavailableException when the registry cannot answer
     */
    List<SubjectKey> identifiersOf(String subjectId);

    /**
     * Every person who holds, held or will hold a role a company's listing binds (legal representative,
     * principal, directly responsible person, actual controller), each with the period of the role and
     * their identifiers — past and future holders included, so a trip is judged with the holder of its
     * day and a role that starts later binds from its first day with no further event.
     *
     * @throws DirectoryUnavailableException when the registry cannot answer
     */
    List<BoundPerson> personsBoundBy(String companySubjectId);
}
