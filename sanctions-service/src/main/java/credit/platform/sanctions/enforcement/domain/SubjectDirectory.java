package credit.platform.sanctions.enforcement.domain;

import java.util.List;

/** Port to the registry, asked when a record is indexed (never when a check is answered). */
public interface SubjectDirectory {

    /**
     * Every identifier the subject holds (a passport bound to a resident ID resolves to the same
     * subject, so it is among them); empty when the registry does not know the subject.
     *
     * @throws DirectoryUnavailableException when the registry cannot answer
     */
    List<SubjectKey> identifiersOf(String subjectId);

    /**
     * The legal representative, principal and actual controller of a company, each with the period
     * they hold the role and their identifiers.
     *
     * @throws DirectoryUnavailableException when the registry cannot answer
     */
    List<BoundPerson> personsBoundBy(String companySubjectId);

    /**
     * The persons holding those roles at an instant (a role ended before it is not among them).
     *
     * @throws DirectoryUnavailableException when the registry cannot answer
     */
    default List<BoundPerson> personsBoundBy(String companySubjectId, java.time.Instant asOf) {
        return personsBoundBy(companySubjectId);
    }
}
