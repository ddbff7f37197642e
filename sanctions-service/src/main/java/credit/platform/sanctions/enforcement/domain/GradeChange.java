package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;

/**
 * A subject's new grade under a scoring model, as the scoring service's grade-change feed
 * ({@code WatchGradeChanges}) delivers it. In the index a grade is held like a record of the
 * pseudo-list {@code grade:<model>} with kind {@code GRADE:<grade>}, one per subject and model
 * (record id {@code grade:<model>:<subject id>}, replaced by the next change), in force from the
 * change — so grade rules are evaluated by the same code as list rules.
 *
 * @param grade empty when the subject no longer has a grade under the model
 */
public record GradeChange(long sequence, String subjectId, String modelId, int modelVersion, String grade,
        Instant occurredAt) {

    static final String LIST_PREFIX = "grade:";
    static final String KIND_PREFIX = "GRADE:";

    public static String listId(String modelId) {
        return LIST_PREFIX + modelId;
    }

    static String gradeOf(String listKind) {
        return listKind.startsWith(KIND_PREFIX) ? listKind.substring(KIND_PREFIX.length()) : "";
    }

    public static boolean isGradeRecord(String recordId) {
        return recordId.startsWith(LIST_PREFIX);
    }

    String recordId() {
        return LIST_PREFIX + modelId + ":" + subjectId;
    }

    RestrictionRecord record() {
        return new RestrictionRecord(recordId(), listId(modelId), KIND_PREFIX + grade,
                "Credit scoring service: grade " + grade + " under model " + modelId + " v" + modelVersion,
                occurredAt, null, null);
    }

    @Override
    public String toString() {
        return "GradeChange[" + sequence + ", " + modelId + ", " + grade + "]";
    }
}
