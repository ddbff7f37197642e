package credit.platform.scoring.score.domain;

/** Port to the registry: what kind of subject an id names. */
public interface SubjectDirectory {

    /**
     * @throws SubjectNotFoundException   when no subject has the id
     * @throws SourceUnavailableException when the registry cannot answer
     */
    SubjectKind kindOf(String subjectId);
}
