package credit.platform.scoring.score.domain;

/**
 * Use case: the public grade of a legal entity, found by its unified social credit code. Only the
 * grade, the model version and the instant are public — no points, no contributions, no record
 * ids, no name. Persons' scores are never public: a code held by a person or a government body
 * is answered exactly as a code nobody holds ({@link SubjectNotFoundException}), so the answer
 * does not even reveal that such a subject exists.
 */
public class PublicGrades {

    public record PublicGrade(String grade, String modelId, int modelVersion, java.time.Instant asOf) {
    }

    private final CompanyRegister register;
    private final SubjectDirectory subjects;
    private final ScoreSubject scores;

    public PublicGrades(CompanyRegister register, SubjectDirectory subjects, ScoreSubject scores) {
        this.register = register;
        this.subjects = subjects;
        this.scores = scores;
    }

    /**
     * @throws SubjectNotFoundException when no legal entity holds the code
     * @throws InvalidUsccException     when the code is malformed
     */
    public PublicGrade gradeOf(String uscc) {
        String subjectId = register.holderOf(uscc).orElseThrow(PublicGrades::noCompany);
        if (subjects.kindOf(subjectId) != SubjectKind.LEGAL_ENTITY) {
            throw noCompany();
        }
        Score score = scores.score(subjectId, null, "public request");
        return new PublicGrade(score.grade(), score.modelId(), score.modelVersion(), score.computedAt());
    }

    private static SubjectNotFoundException noCompany() {
        return new SubjectNotFoundException("with this unified social credit code");
    }
}
