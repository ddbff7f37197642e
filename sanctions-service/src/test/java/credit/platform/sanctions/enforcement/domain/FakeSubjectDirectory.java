package credit.platform.sanctions.enforcement.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the registry (registry-service) in domain tests; the system tests run the real one.
 * Knows each subject's identifiers and a company's role holders; can be made unavailable; counts calls.
 */
public class FakeSubjectDirectory implements SubjectDirectory {

    public final Map<String, List<SubjectKey>> identifiers = new ConcurrentHashMap<>();
    public final Map<String, List<BoundPerson>> persons = new ConcurrentHashMap<>();
    public final AtomicInteger calls = new AtomicInteger();
    public volatile boolean unavailable;

    public FakeSubjectDirectory subject(String subjectId, SubjectKey... keys) {
        identifiers.put(subjectId, List.of(keys));
        return this;
    }

    public FakeSubjectDirectory holding(String companySubjectId, BoundPerson person) {
        persons.computeIfAbsent(companySubjectId, k -> new ArrayList<>()).add(person);
        return this;
    }

    @Override
    public List<SubjectKey> identifiersOf(String subjectId) {
        calls.incrementAndGet();
        if (unavailable) {
            throw new DirectoryUnavailableException("fake registry is down", null);
        }
        return identifiers.getOrDefault(subjectId, List.of());
    }

    @Override
    public List<BoundPerson> personsBoundBy(String companySubjectId) {
        calls.incrementAndGet();
        if (unavailable) {
            throw new DirectoryUnavailableException("fake registry is down", null);
        }
        return persons.getOrDefault(companySubjectId, List.of());
    }
}
