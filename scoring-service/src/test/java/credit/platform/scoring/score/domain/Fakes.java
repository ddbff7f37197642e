package credit.platform.scoring.score.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory stand-ins for the ports, for the use-case tests (the adapter tests use the real ones). */
final class Fakes {

    private Fakes() {
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Stands in for the registry service: subject kinds and relationships (from holds the role in to). */
    static final class FakeRegistry implements SubjectDirectory, RelationshipSource {
        final Map<String, SubjectKind> kinds = new ConcurrentHashMap<>();
        final List<String[]> relationships = new CopyOnWriteArrayList<>();
        volatile boolean unavailable;

        void relate(String from, RelationType type, String to) {
            relationships.add(new String[] {from, type.name(), to});
        }

        @Override
        public SubjectKind kindOf(String subjectId) {
            if (unavailable) {
                throw new SourceUnavailableException("registry", null);
            }
            SubjectKind kind = kinds.get(subjectId);
            if (kind == null) {
                throw new SubjectNotFoundException(subjectId);
            }
            return kind;
        }

        @Override
        public List<String> related(String subjectId, Via via, Instant at) {
            List<String> out = new ArrayList<>();
            for (String[] r : relationships) {
                if (!r[1].equals(via.type().name())) {
                    continue;
                }
                if (via.direction() == Via.Direction.OUTGOING && r[0].equals(subjectId)) {
                    out.add(r[2]);
                } else if (via.direction() == Via.Direction.INCOMING && r[2].equals(subjectId)) {
                    out.add(r[0]);
                }
            }
            return out;
        }
    }

    /** Stands in for the lists service: each subject's effective records. */
    static class FakeLists implements RecordSource {
        final Map<String, List<ListRecordFact>> records = new ConcurrentHashMap<>();
        volatile boolean unavailable;
        final List<String> asked = new CopyOnWriteArrayList<>();

        void add(String subjectId, ListRecordFact fact) {
            records.computeIfAbsent(subjectId, k -> new CopyOnWriteArrayList<>()).add(fact);
        }

        @Override
        public List<ListRecordFact> effectiveRecords(String subjectId) {
            if (unavailable) {
                throw new SourceUnavailableException("lists", null);
            }
            asked.add(subjectId);
            return List.copyOf(records.getOrDefault(subjectId, List.of()));
        }

        @Override
        public SortedSet<String> subjectsWithRecords() {
            SortedSet<String> s = new TreeSet<>();
            records.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    s.add(k);
                }
            });
            return s;
        }
    }

    static final class InMemoryHistory implements ScoreHistory {
        final List<StoredScore> entries = new CopyOnWriteArrayList<>();

        @Override
        public void append(Score score, String cause) {
            entries.add(new StoredScore(score, cause));
        }

        List<StoredScore> of(String subjectId) {
            return entries.stream().filter(e -> e.score().subjectId().equals(subjectId)).toList();
        }

        @Override
        public Optional<StoredScore> latest(String subjectId, String modelId) {
            return latestAt(subjectId, modelId, Instant.MAX);
        }

        @Override
        public Optional<StoredScore> latestAt(String subjectId, String modelId, Instant at) {
            StoredScore found = null;
            for (StoredScore e : entries) {
                if (e.score().subjectId().equals(subjectId) && e.score().modelId().equals(modelId)
                        && !e.score().computedAt().isAfter(at)) {
                    found = e;
                }
            }
            return Optional.ofNullable(found);
        }

        @Override
        public List<StoredScore> list(String subjectId, String modelId, int limit) {
            List<StoredScore> out = new ArrayList<>(entries.stream()
                    .filter(e -> e.score().subjectId().equals(subjectId) && e.score().modelId().equals(modelId)).toList());
            java.util.Collections.reverse(out);
            return out.subList(0, Math.min(limit, out.size()));
        }

        @Override
        public SortedSet<String> subjectsScoredBy(String modelId) {
            SortedSet<String> s = new TreeSet<>();
            entries.stream().filter(e -> e.score().modelId().equals(modelId)).forEach(e -> s.add(e.score().subjectId()));
            return s;
        }
    }

    static final class InMemoryGradeChanges implements GradeChanges {
        final List<GradeChange> changes = new CopyOnWriteArrayList<>();
        final Map<String, CurrentGrade> current = new HashMap<>();

        @Override
        public synchronized java.util.Optional<CurrentGrade> current(String subjectId, String modelId) {
            return java.util.Optional.ofNullable(current.get(subjectId + "|" + modelId));
        }

        @Override
        public synchronized boolean move(java.util.Optional<CurrentGrade> expected, GradeChange c) {
            String key = c.subjectId() + "|" + c.modelId();
            if (!java.util.Objects.equals(current.get(key), expected.orElse(null))) {
                return false;
            }
            current.put(key, new CurrentGrade(c.grade(), c.modelVersion(), c.occurredAt()));
            if (!c.previousGrade().equals(c.grade())) {
                changes.add(new GradeChange(changes.size() + 1, c.subjectId(), c.modelId(), c.modelVersion(),
                        c.previousGrade(), c.grade(), c.occurredAt(), c.cause()));
            }
            return true;
        }

        @Override
        public List<GradeChange> after(long sequence, int limit) {
            return changes.stream().filter(c -> c.sequence() > sequence).limit(limit).toList();
        }
    }

    static final class InMemoryCheckpoints implements FeedCheckpoints {
        final Map<String, Long> saved = new HashMap<>();

        @Override
        public OptionalLong load(String feed) {
            Long s = saved.get(feed);
            return s == null ? OptionalLong.empty() : OptionalLong.of(s);
        }

        @Override
        public void save(String feed, long sequence) {
            saved.put(feed, sequence);
        }
    }

    static final class InMemoryJobs implements RecomputeJobs {
        final Map<String, RecomputeJob> jobs = new ConcurrentHashMap<>();
        final List<RecomputeJob> saves = new CopyOnWriteArrayList<>();

        @Override
        public Optional<RecomputeJob> find(String id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public void save(RecomputeJob job) {
            jobs.put(job.id(), job);
            saves.add(job);
        }

        @Override
        public List<RecomputeJob> unfinished() {
            return jobs.values().stream().filter(j -> j.state() == RecomputeJob.State.RUNNING)
                    .sorted(Comparator.comparing(RecomputeJob::id)).toList();
        }
    }

    /** An in-memory model catalogue. */
    static final class InMemoryModels implements ModelCatalogue {
        final ModelVersions versions;

        InMemoryModels(Clock clock, ModelDefinition... definitions) {
            versions = new ModelVersions(clock);
            for (ModelDefinition d : definitions) {
                versions.add(d);
            }
        }

        @Override
        public Optional<ScoringModel> find(String modelId) {
            return versions.find(modelId);
        }

        @Override
        public Optional<ScoringModel> find(String modelId, int version) {
            return versions.find(modelId, version);
        }

        @Override
        public Optional<ScoringModel> defaultFor(SubjectKind kind) {
            return versions.defaultFor(kind);
        }

        @Override
        public List<ModelDefinition> all() {
            return versions.all();
        }

        @Override
        public ModelDefinition publish(ModelDefinition definition, Instant now) {
            versions.checkIsNewest(definition);
            versions.add(definition);
            return definition;
        }
    }

    /** The schedule in memory, with the same compare-and-set claim as the MongoDB one. */
    static final class InMemorySchedule implements ScoreSchedule {
        record Entry(String subjectId, String modelId, Instant at, String what, String token, Instant claimUntil) {
        }

        final Map<String, Entry> entries = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger plans = new java.util.concurrent.atomic.AtomicInteger();
        private int tokens;

        private static String key(String subjectId, String modelId) {
            return modelId + "/" + subjectId;
        }

        private static boolean free(Entry e, Instant now) {
            return e.claimUntil() == null || !e.claimUntil().isAfter(now);
        }

        @Override
        public synchronized void plan(String subjectId, String modelId, NextChange next, Instant now) {
            plans.incrementAndGet();
            Entry e = entries.get(key(subjectId, modelId));
            if (e == null || free(e, now)) {
                entries.put(key(subjectId, modelId), new Entry(subjectId, modelId, next == null ? null : next.at(),
                        next == null ? null : next.what(), null, null));
            }
        }

        @Override
        public synchronized Optional<Due> find(String subjectId, String modelId) {
            return Optional.ofNullable(entries.get(key(subjectId, modelId)))
                    .map(e -> new Due(e.subjectId(), e.modelId(), e.at(), e.what()));
        }

        @Override
        public synchronized void bringForward(String modelId, Instant at, String what, Instant now) {
            entries.replaceAll((k, e) -> e.modelId().equals(modelId) && free(e, now)
                    && (e.at() == null || e.at().isAfter(at))
                    ? new Entry(e.subjectId(), e.modelId(), at, what, null, null) : e);
        }

        @Override
        public synchronized List<Due> dueBy(Instant now, int limit) {
            return entries.values().stream().filter(e -> e.at() != null && !e.at().isAfter(now) && free(e, now))
                    .sorted(Comparator.comparing(Entry::at)).limit(limit)
                    .map(e -> new Due(e.subjectId(), e.modelId(), e.at(), e.what())).toList();
        }

        @Override
        public synchronized Optional<String> claim(Due due, Instant now, Duration lease) {
            Entry e = entries.get(key(due.subjectId(), due.modelId()));
            if (e == null || !due.at().equals(e.at()) || !free(e, now)) {
                return Optional.empty();
            }
            String token = "t" + ++tokens;
            entries.put(key(due.subjectId(), due.modelId()),
                    new Entry(e.subjectId(), e.modelId(), e.at(), e.what(), token, now.plus(lease)));
            return Optional.of(token);
        }

        @Override
        public synchronized void release(Due due, String token, NextChange next) {
            Entry e = entries.get(key(due.subjectId(), due.modelId()));
            if (e != null && token.equals(e.token())) {
                entries.put(key(due.subjectId(), due.modelId()), new Entry(e.subjectId(), e.modelId(),
                        next == null ? null : next.at(), next == null ? null : next.what(), null, null));
            }
        }
    }
}
