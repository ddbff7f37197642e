package credit.platform.sanctions.enforcement.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import credit.platform.sanctions.enforcement.domain.BoundPerson;
import credit.platform.sanctions.enforcement.domain.IndexEntry;
import credit.platform.sanctions.enforcement.domain.RestrictionRecord;
import credit.platform.sanctions.enforcement.domain.Role;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import credit.platform.testsupport.MongoTestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The index's own copy round-trips through MongoDB (see {@link MongoTestServer}): what a restart reads back. */
class MongoIndexStoreTest {

    MongoClient client;
    MongoIndexStore store;
    String databaseName;

    @BeforeEach
    void setUp() {
        databaseName = "sanctions-store-" + UUID.randomUUID();
        client = MongoClients.create(MongoTestServer.uri(databaseName));
        store = new MongoIndexStore(new MongoTemplate(client, databaseName));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void replicasWithTheirOwnStoreIdNeverSeeOrOverwriteEachOthersCopy() {
        MongoTemplate template = new MongoTemplate(client, databaseName);
        MongoIndexStore pod0 = new MongoIndexStore(template, "sanctions-service-0");
        MongoIndexStore pod1 = new MongoIndexStore(template, "sanctions-service-1");
        RestrictionRecord record = new RestrictionRecord("rec-1", "spc-dishonest-debtors", "BLACK", "Court",
                Instant.parse("2026-01-01T00:00:00Z"), null, null);
        pod0.save(new IndexEntry(record, List.of(SubjectKey.residentId("11010519491231002X")), null, List.of()));
        pod0.saveSequence(90);
        pod1.saveSequence(40); // a replica behind must not move the other's position back

        List<IndexEntry> seenBy1 = new ArrayList<>();
        pod1.forEach(seenBy1::add);
        assertThat(seenBy1).isEmpty();
        assertThat(pod0.lastSequence()).isEqualTo(90);
        assertThat(pod1.lastSequence()).isEqualTo(40);
        assertThat(template.getCollectionNames()).contains("enforcement_entries_sanctions-service-0",
                "enforcement_state_sanctions-service-0", "enforcement_state_sanctions-service-1");
        assertThat(new MongoIndexStore(template, "").lastSequence()).as("the shared copy is untouched").isEqualTo(-1);
    }

    @Test
    void aStoreIdThatCannotNameACollectionIsRefused() {
        MongoTemplate template = new MongoTemplate(client, databaseName);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new MongoIndexStore(template, "pod/0$")).withMessageContaining("store-id");
    }

    @Test
    void entriesAndTheSequenceSurviveARestartAndAReplayedSaveDoesNotDuplicate() {
        RestrictionRecord record = new RestrictionRecord(UUID.randomUUID().toString(), "spc-dishonest-debtors", "BLACK",
                "Court", Instant.parse("2026-01-01T00:00:00Z"), null, null);
        IndexEntry entry = new IndexEntry(record, List.of(SubjectKey.uscc("91350200776049653A")), "91350200776049653A",
                List.of(new BoundPerson(Role.LEGAL_REPRESENTATIVE, List.of(SubjectKey.residentId("11010519491231002X"),
                        SubjectKey.passport("CHN", "E12345678")), Instant.parse("2020-01-01T00:00:00Z"), null)),
                "subj-company");
        assertThat(store.lastSequence()).isEqualTo(-1);

        store.save(entry);
        store.save(entry);
        store.saveSequence(41);
        store.saveSequence(42);

        List<IndexEntry> read = new ArrayList<>();
        store.forEach(read::add);
        assertThat(read).containsExactly(entry);
        assertThat(store.lastSequence()).isEqualTo(42);

        store.delete(record.recordId());
        read.clear();
        store.forEach(read::add);
        assertThat(read).isEmpty();
    }

    @Test
    void aListsSnapshotClearsTheListEntriesButKeepsTheGradesAndEachFeedKeepsItsOwnSequence() {
        RestrictionRecord listed = new RestrictionRecord(UUID.randomUUID().toString(), "spc-dishonest-debtors", "BLACK",
                "Court", Instant.parse("2026-01-01T00:00:00Z"), null, null);
        RestrictionRecord grade = new RestrictionRecord("grade:corporate-compliance:subj-co", "grade:corporate-compliance",
                "GRADE:D", "Credit scoring service", Instant.parse("2026-01-01T00:00:00Z"), null, null);
        store.save(new IndexEntry(listed, List.of(SubjectKey.residentId("11010519491231002X")), "", List.of()));
        store.save(new IndexEntry(grade, List.of(SubjectKey.uscc("91350200776049653A")), "", List.of()));
        store.saveSequence(7);
        store.saveGradeSequence(3);
        store.saveRegistrySequence(11);

        store.deleteAll();

        List<IndexEntry> all = new ArrayList<>();
        store.forEach(all::add);
        List<IndexEntry> grades = new ArrayList<>();
        store.forEachGrade(grades::add);
        assertThat(all).extracting(e -> e.record().recordId()).containsExactly(grade.recordId());
        assertThat(grades).extracting(IndexEntry::record).containsExactly(grade);
        assertThat(store.lastSequence()).isEqualTo(7);
        assertThat(store.lastGradeSequence()).isEqualTo(3);
        assertThat(store.lastRegistrySequence()).isEqualTo(11);
    }
}
