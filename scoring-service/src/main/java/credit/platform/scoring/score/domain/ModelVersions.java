package credit.platform.scoring.score.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The versions of every model, in memory, with the "in effect at" rule. Thread-safe. */
public class ModelVersions {

    private final Map<String, NavigableMap<Integer, ModelDefinition>> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    public ModelVersions(Clock clock) {
        this.clock = clock;
    }

    public synchronized void add(ModelDefinition definition) {
        byId.computeIfAbsent(definition.model().id(), k -> new ConcurrentSkipListMap<>())
                .put(definition.model().version(), definition);
    }

    /** Throws when the definition would not be the newest version of its model. */
    public void checkIsNewest(ModelDefinition definition) {
        NavigableMap<Integer, ModelDefinition> versions = byId.get(definition.model().id());
        if (versions != null && !versions.isEmpty() && versions.lastKey() >= definition.model().version()) {
            throw new ModelVersionConflictException("model " + definition.model().id() + " has version "
                    + versions.lastKey() + " already; a new version must be " + (versions.lastKey() + 1)
                    + " or more (versions are never rewritten)");
        }
        if (definition.defaultForKind()) {
            for (var other : byId.values()) {
                ModelDefinition latest = other.lastEntry().getValue();
                if (latest.defaultForKind() && latest.model().subjectKind() == definition.model().subjectKind()
                        && !latest.model().id().equals(definition.model().id())) {
                    throw new ModelVersionConflictException("model " + latest.model().id() + " is the default for "
                            + latest.model().subjectKind() + " already");
                }
            }
        }
    }

    public Optional<ScoringModel> find(String modelId) {
        return findAt(modelId, clock.instant()).map(ModelDefinition::model);
    }

    public Optional<ModelDefinition> findAt(String modelId, Instant at) {
        NavigableMap<Integer, ModelDefinition> versions = byId.get(modelId);
        if (versions == null) {
            return Optional.empty();
        }
        ModelDefinition first = null;
        for (ModelDefinition d : versions.descendingMap().values()) {
            first = d;
            if (d.model().effectiveFrom() == null || !d.model().effectiveFrom().isAfter(at)) {
                return Optional.of(d);
            }
        }
        return Optional.ofNullable(first);
    }

    public Optional<ScoringModel> find(String modelId, int version) {
        NavigableMap<Integer, ModelDefinition> versions = byId.get(modelId);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version)).map(ModelDefinition::model);
    }

    public Optional<ScoringModel> defaultFor(SubjectKind kind) {
        Instant now = clock.instant();
        for (String id : new TreeMap<>(byId).keySet()) {
            Optional<ModelDefinition> current = findAt(id, now);
            if (current.isPresent() && current.get().defaultForKind() && current.get().model().subjectKind() == kind) {
                return current.map(ModelDefinition::model);
            }
        }
        return Optional.empty();
    }

    public List<ModelDefinition> all() {
        List<ModelDefinition> all = new ArrayList<>();
        new TreeMap<>(byId).values().forEach(v -> all.addAll(v.values()));
        return all;
    }
}
