package credit.platform.client.scoring;

import java.time.Instant;
import java.util.Map;

/** One stored version of a scoring model, with the definition it was given as. */
public record ScoringModelView(String id, int version, String subjectKind, String jurisdiction,
        Instant effectiveFrom, boolean defaultForKind, Map<String, Object> definition) {
}
