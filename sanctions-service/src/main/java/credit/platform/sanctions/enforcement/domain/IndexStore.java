package credit.platform.sanctions.enforcement.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port to this service's own database: the indexed entries and the last applied feed sequence,
 * so a restart rebuilds the index locally and resumes the feed where it stopped. Every write is
 * one single-document operation; applying a change twice is harmless (upsert / delete by record id).
 */
public interface IndexStore {

    /** The last applied sequence, or -1 when the index was never built. */
    long lastSequence();

    void saveSequence(long sequence);

    /** The last applied grade-change sequence, or -1. */
    long lastGradeSequence();

    void saveGradeSequence(long sequence);

    /** The last applied registry change-feed sequence, or -1. */
    long lastRegistrySequence();

    void saveRegistrySequence(long sequence);

    void save(IndexEntry entry);

    void delete(String recordId);

    /** Every entry of the lists feed (before a snapshot); the grades ({@link GradeChange#isGradeRecord}) stay. */
    void deleteAll();

    void forEach(Consumer<IndexEntry> entry);

    /** The grade entries only. */
    void forEachGrade(Consumer<IndexEntry> entry);

    /** The entry of a record, if it is indexed. */
    Optional<IndexEntry> find(String recordId);

    /** Every entry whose listed subject is this registry subject (its records and grades). */
    List<IndexEntry> entriesOf(String subjectId);

    /** Every company entry that binds this registry subject as a role holder. */
    List<IndexEntry> entriesBinding(String personSubjectId);
}
