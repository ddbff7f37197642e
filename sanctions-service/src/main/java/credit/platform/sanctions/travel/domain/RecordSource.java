package credit.platform.sanctions.travel.domain;

import java.util.List;

/** Port to the lists service: a subject's records that are not ended. */
public interface RecordSource {

    /** @throws SourceUnavailableException when the lists service cannot answer */
    List<TravelRecord> currentRecords(String subjectId);
}
