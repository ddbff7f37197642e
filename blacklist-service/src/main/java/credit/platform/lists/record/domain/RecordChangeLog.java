package credit.platform.lists.record.domain;

/** The ordered change feed, as the record use cases see it (port; the feed implements it). */
public interface RecordChangeLog {

    /**
     * Appends the change once: appending an event that is already in the log returns its sequence
     * and appends nothing. Marks the record's event as published.
     *
     * @return the change's sequence
     */
    long append(RecordChange change);
}
