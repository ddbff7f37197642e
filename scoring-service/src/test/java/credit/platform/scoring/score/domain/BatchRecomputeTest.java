package credit.platform.scoring.score.domain;

import static credit.platform.scoring.score.domain.Records.NOW;
import static credit.platform.scoring.score.domain.Records.aRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import credit.platform.scoring.score.domain.Fakes.FakeLists;
import credit.platform.scoring.score.domain.Fakes.FakeRegistry;
import credit.platform.scoring.score.domain.Fakes.InMemoryGradeChanges;
import credit.platform.scoring.score.domain.Fakes.InMemoryHistory;
import credit.platform.scoring.score.domain.Fakes.InMemoryJobs;
import credit.platform.scoring.score.domain.Fakes.InMemoryModels;
import credit.platform.scoring.score.domain.Fakes.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchRecomputeTest {

    MovableClock clock = new MovableClock(NOW);
    FakeRegistry registry = new FakeRegistry();
    FakeLists lists = new FakeLists();
    InMemoryHistory history = new InMemoryHistory();
    InMemoryJobs jobs = new InMemoryJobs();
    InMemoryModels models = new InMemoryModels(clock,
            ModelDefinition.parse(ScoreSubjectTest.personModel(1, null, -50)),
            ModelDefinition.parse(ScoreSubjectTest.companyModel()));
    ScoreSubject scores;
    BatchRecompute batch;

    @BeforeEach
    void setUp() {
        scores = new ScoreSubject(registry, lists, registry, models, history, new InMemoryGradeChanges(), clock);
        batch = new BatchRecompute(scores, models, lists, history, jobs, Runnable::run, clock, 2);
        for (int i = 0; i < 5; i++) {
            String id = "p-" + i;
            registry.kinds.put(id, SubjectKind.PERSON);
            lists.add(id, aRecord().withId("r-" + i).on("spc-dishonest-debtors", ListKind.BLACK).build());
        }
        registry.kinds.put("c-0", SubjectKind.LEGAL_ENTITY);
        lists.add("c-0", aRecord().withId("rc").build());
    }

    @Test
    void recomputesEverySubjectOfTheModelsKindWithProgressAndIsIdempotent() {
        RecomputeJob job = batch.start("person");

        RecomputeJob done = jobs.find(job.id()).orElseThrow();
        assertThat(done.id()).isEqualTo("person@1");
        assertThat(done.state()).isEqualTo(RecomputeJob.State.DONE);
        assertThat(done.total()).isEqualTo(6);
        assertThat(done.done()).isEqualTo(6);
        assertThat(history.subjectsScoredBy("person")).containsExactly("p-0", "p-1", "p-2", "p-3", "p-4");
        assertThat(jobs.saves).anyMatch(j -> j.state() == RecomputeJob.State.RUNNING && j.done() == 2);

        int entries = history.entries.size();
        assertThat(batch.start("person").state()).isEqualTo(RecomputeJob.State.DONE);
        assertThat(history.entries).hasSize(entries);
    }

    @Test
    void anInterruptedJobContinuesAfterTheLastSavedSubject() {
        registry.kinds.put("p-3", SubjectKind.PERSON);
        lists.unavailable = false;
        // p-3's records cannot be read: the job fails there, after saving p-0, p-1.
        FakeLists failing = new FakeLists() {
            @Override
            public java.util.List<ListRecordFact> effectiveRecords(String subjectId) {
                if (subjectId.equals("p-3")) {
                    throw new SourceUnavailableException("lists", null);
                }
                return lists.effectiveRecords(subjectId);
            }

            @Override
            public java.util.SortedSet<String> subjectsWithRecords() {
                return lists.subjectsWithRecords();
            }
        };
        ScoreSubject flaky = new ScoreSubject(registry, failing, registry, models, history, new InMemoryGradeChanges(),
                clock);
        BatchRecompute first = new BatchRecompute(flaky, models, failing, history, jobs, Runnable::run, clock, 2);
        assertThatThrownBy(() -> first.start("person")).isInstanceOf(SourceUnavailableException.class);
        RecomputeJob failed = jobs.find("person@1").orElseThrow();
        assertThat(failed.state()).isEqualTo(RecomputeJob.State.FAILED);
        assertThat(failed.lastSubjectId()).isEqualTo("p-2");

        lists.asked.clear();
        RecomputeJob resumed = batch.start("person");

        assertThat(jobs.find(resumed.id()).orElseThrow().state()).isEqualTo(RecomputeJob.State.DONE);
        assertThat(lists.asked).doesNotContain("p-0", "p-1", "p-2").contains("p-3", "p-4");
        assertThat(history.subjectsScoredBy("person")).hasSize(5);
    }
}
