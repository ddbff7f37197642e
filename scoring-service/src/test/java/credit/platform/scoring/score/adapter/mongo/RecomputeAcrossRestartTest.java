package credit.platform.scoring.score.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import credit.platform.scoring.score.adapter.model.MongoModelCatalogue;
import credit.platform.scoring.score.domain.BatchRecompute;
import credit.platform.scoring.score.domain.ListKind;
import credit.platform.scoring.score.domain.ListRecordFact;
import credit.platform.scoring.score.domain.ModelDefinition;
import credit.platform.scoring.score.domain.RecomputeJob;
import credit.platform.scoring.score.domain.RecordSource;
import credit.platform.scoring.score.domain.ScoreSubject;
import credit.platform.scoring.score.domain.SubjectKind;
import credit.platform.testsupport.MongoTestServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A batch recompute cut off mid-run (the process dies: the job stays RUNNING in MongoDB) is resumed
 * by a new service — new client, new adapters, new use cases over the same database — at start-up,
 * after the last saved subject, and runs to the end.
 */
class RecomputeAcrossRestartTest {

    static final String DATABASE = "scoring-recompute-restart-test";
    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final List<String> PEOPLE = List.of("p-0", "p-1", "p-2", "p-3", "p-4", "p-5", "p-6");

    /** Stands in for the process dying: not an exception the job could record as FAILED. */
    static final class ProcessKilled extends Error {
    }

    final List<MongoClient> clients = new ArrayList<>();

    @BeforeEach
    void freshDatabase() {
        template().getDb().drop();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MongoClient::close);
    }

    MongoTemplate template() {
        MongoClient client = MongoClients.create(MongoTestServer.uri(DATABASE));
        clients.add(client);
        return new MongoTemplate(client, DATABASE);
    }

    static Map<String, Object> model() {
        return Map.of("id", "person", "version", 1, "subjectKind", "PERSON", "defaultForKind", true,
                "basePoints", 1000,
                "rules", List.of(Map.of("id", "debtor", "list", "spc-dishonest-debtors", "pointsPerRecord", -50)),
                "bands", List.of(Map.of("grade", "A", "minPoints", 970), Map.of("grade", "B")));
    }

    /** Stands in for the lists service: every person has one debtor record; asked subjects are noted. */
    static class Lists implements RecordSource {
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public List<ListRecordFact> effectiveRecords(String subjectId) {
            asked.add(subjectId);
            return List.of(new ListRecordFact("rec-" + subjectId, "spc-dishonest-debtors", ListKind.BLACK, "SPC",
                    NOW.minusSeconds(86_400), null));
        }

        @Override
        public SortedSet<String> subjectsWithRecords() {
            return new TreeSet<>(PEOPLE);
        }
    }

    /** One service instance: everything built anew over its own client to the same database. */
    BatchRecompute service(RecordSource lists) {
        MongoTemplate mongo = template();
        var models = new MongoModelCatalogue(mongo, CLOCK, List.of(ModelDefinition.parse(model())));
        var history = new MongoScoreHistory(mongo);
        var scores = new ScoreSubject(id -> SubjectKind.PERSON, lists, (id, via, at) -> List.of(), models, history,
                new MongoGradeChanges(new credit.platform.scoring.score.adapter.feed.GradeFeed(mongo, CLOCK, true,
                        java.time.Duration.ofDays(30))), CLOCK);
        return new BatchRecompute(scores, models, lists, history, new MongoRecomputeJobs(mongo), Runnable::run, CLOCK, 2);
    }

    @Test
    void aRecomputeCutOffMidRunIsResumedByANewServiceAfterTheLastSavedSubject() {
        Lists dying = new Lists() {
            @Override
            public List<ListRecordFact> effectiveRecords(String subjectId) {
                if (subjectId.equals("p-4")) {
                    throw new ProcessKilled();
                }
                return super.effectiveRecords(subjectId);
            }
        };
        BatchRecompute first = service(dying);
        assertThatThrownBy(() -> first.start("person")).isInstanceOf(ProcessKilled.class);
        RecomputeJob cut = new MongoRecomputeJobs(template()).find("person@1").orElseThrow();
        assertThat(cut.state()).isEqualTo(RecomputeJob.State.RUNNING);
        assertThat(cut.lastSubjectId()).isEqualTo("p-3");
        assertThat(cut.done()).isEqualTo(4);

        Lists lists = new Lists();
        BatchRecompute restarted = service(lists);
        restarted.resumeUnfinished();

        RecomputeJob finished = new MongoRecomputeJobs(template()).find("person@1").orElseThrow();
        assertThat(finished.state()).isEqualTo(RecomputeJob.State.DONE);
        assertThat(finished.done()).isEqualTo(PEOPLE.size());
        assertThat(finished.total()).isEqualTo(PEOPLE.size());
        assertThat(lists.asked).containsExactly("p-4", "p-5", "p-6");
        assertThat(new MongoScoreHistory(template()).subjectsScoredBy("person")).containsExactlyElementsOf(PEOPLE);
        // Each subject stored once: the resumed run did not score the first four again.
        assertThat(template().getCollection("score_history").countDocuments()).isEqualTo(PEOPLE.size());
    }
}
