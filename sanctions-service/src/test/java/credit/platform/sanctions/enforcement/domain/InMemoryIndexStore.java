package credit.platform.sanctions.enforcement.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The index store in memory, for domain tests (the Mongo adapter has its own test). */
public class InMemoryIndexStore implements IndexStore {

    public final Map<String, IndexEntry> entries = new LinkedHashMap<>();
    public long sequence = -1;
    public long gradeSequence = -1;
    public long registrySequence = -1;

    @Override
    public long lastRegistrySequence() {
        return registrySequence;
    }

    @Override
    public void saveRegistrySequence(long s) {
        registrySequence = s;
    }

    @Override
    public long lastGradeSequence() {
        return gradeSequence;
    }

    @Override
    public void saveGradeSequence(long s) {
        gradeSequence = s;
    }

    @Override
    public void forEachGrade(Consumer<IndexEntry> consumer) {
        entries.values().stream().filter(e -> GradeChange.isGradeRecord(e.record().recordId())).forEach(consumer);
    }

    @Override
    public long lastSequence() {
        return sequence;
    }

    @Override
    public void saveSequence(long s) {
        sequence = s;
    }

    @Override
    public void save(IndexEntry entry) {
        entries.put(entry.record().recordId(), entry);
    }

    @Override
    public void delete(String recordId) {
        entries.remove(recordId);
    }

    @Override
    public void deleteAll() {
        entries.values().removeIf(e -> !GradeChange.isGradeRecord(e.record().recordId()));
    }

    @Override
    public void forEach(Consumer<IndexEntry> consumer) {
        entries.values().forEach(consumer);
    }

    @Override
    public java.util.Optional<IndexEntry> find(String recordId) {
        return java.util.Optional.ofNullable(entries.get(recordId));
    }

    @Override
    public java.util.List<IndexEntry> entriesOf(String subjectId) {
        return entries.values().stream().filter(e -> e.subjectId().equals(subjectId)).toList();
    }

    @Override
    public java.util.List<IndexEntry> entriesBinding(String personSubjectId) {
        return entries.values().stream()
                .filter(e -> e.bound().stream().anyMatch(p -> p.subjectId().equals(personSubjectId))).toList();
    }
}
