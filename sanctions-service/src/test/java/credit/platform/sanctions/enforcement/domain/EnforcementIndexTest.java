package credit.platform.sanctions.enforcement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnforcementIndexTest {

    static final SubjectKey ID = SubjectKey.residentId("11010519491231002X");
    static final SubjectKey PASSPORT = SubjectKey.passport("CHN", "E12345678");
    static final SubjectKey OTHER = SubjectKey.residentId("110105194912310038");

    static RestrictionRecord record(String id) {
        return new RestrictionRecord(id, "spc-dishonest-debtors", "BLACK", "Court", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2028-01-01T00:00:00Z"), null);
    }

    @Test
    void everyIdentifierOfTheSubjectFindsItsRecordsAndNoOtherIdentifierDoes() {
        EnforcementIndex index = new EnforcementIndex();
        String id = UUID.randomUUID().toString();

        index.put(record(id), List.of(ID, PASSPORT));

        assertThat(index.lookup(ID)).extracting(RestrictionRecord::recordId).containsExactly(id);
        assertThat(index.lookup(PASSPORT)).extracting(RestrictionRecord::recordId).containsExactly(id);
        assertThat(index.lookup(OTHER)).isEmpty();
        assertThat(index.lookup(SubjectKey.residentId("110105194912310029"))).isEmpty();
    }

    @Test
    void recordsKeepTheirListAuthorityAndWindowExactly() {
        EnforcementIndex index = new EnforcementIndex();
        RestrictionRecord r = record(UUID.randomUUID().toString());

        index.put(r, List.of(ID));

        assertThat(index.lookup(ID)).containsExactly(r);
    }

    @Test
    void aSecondRecordOfTheSameSubjectJoinsItAndPuttingTheSameRecordAgainReplacesIt() {
        EnforcementIndex index = new EnforcementIndex();
        String a = UUID.randomUUID().toString();
        String b = "not-a-uuid-record";

        index.put(record(a), List.of(ID));
        index.put(record(b), List.of(PASSPORT, ID));
        index.put(record(a), List.of(ID));

        assertThat(index.lookup(PASSPORT)).extracting(RestrictionRecord::recordId).containsExactlyInAnyOrder(a, b);
        assertThat(index.subjectCount()).isEqualTo(1);
        assertThat(index.recordCount()).isEqualTo(2);
    }

    @Test
    void removingACompanyRecordRemovesThePersonsBoundThroughIt() {
        EnforcementIndex index = new EnforcementIndex();
        String id = UUID.randomUUID().toString();
        SubjectKey company = SubjectKey.uscc("91350200776049653A");
        index.put(record(id), List.of(company));
        index.put(record(id).boundThrough(new Binding(Role.LEGAL_REPRESENTATIVE, "91350200776049653A", null, null)),
                List.of(ID));

        assertThat(index.lookup(ID)).singleElement().satisfies(r -> assertThat(r.binding().capacity())
                .isEqualTo("as legal representative of 91350200776049653A"));

        index.remove(id, company);

        assertThat(index.lookup(ID)).isEmpty();
        assertThat(index.lookup(company)).isEmpty();
        assertThat(index.recordCount()).isZero();
    }

    @Test
    void manySubjectsGrowTheIndexWithoutLosingAny() {
        EnforcementIndex index = new EnforcementIndex(16);
        for (int i = 0; i < 50_000; i++) {
            index.put(record(new UUID(0, i).toString()), List.of(SubjectKey.passport("CHN", "E" + i)));
        }
        for (int i = 0; i < 50_000; i += 997) {
            assertThat(index.lookup(SubjectKey.passport("CHN", "E" + i))).extracting(RestrictionRecord::recordId)
                    .containsExactly(new UUID(0, i).toString());
        }
        assertThat(index.subjectCount()).isEqualTo(50_000);
    }
}
