package credit.platform.scoring.score.domain;

import java.util.List;

/** Port to the lists service: a subject's records currently in effect. */
public interface RecordSource {

    /** @throws SourceUnavailableException when the lists service cannot answer */
    List<ListRecordFact> effectiveRecords(String subjectId);
}
