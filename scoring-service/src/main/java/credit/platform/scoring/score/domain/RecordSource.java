package credit.platform.scoring.score.domain;

import java.util.List;
import java.util.SortedSet;

/** Port to the lists service. */
public interface RecordSource {

    /** A subject's records currently in effect. @throws SourceUnavailableException when the lists service cannot answer */
    List<ListRecordFact> effectiveRecords(String subjectId);

    /** Every subject with a record in effect (from a snapshot of the lists), sorted. */
    SortedSet<String> subjectsWithRecords();
}
