package credit.platform.gateway.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SubjectRefsTest {

    final SubjectRefs refs = new SubjectRefs("a-test-key-of-enough-length");

    @Test
    void subjectIdsInPathsAndQueriesAreNamed() {
        assertThat(refs.fromRequest("/api/v1/subjects/s-1", Map.of())).containsExactly("subject:s-1");
        assertThat(refs.fromRequest("/api/v1/scores/s-2", Map.of())).containsExactly("subject:s-2");
        assertThat(refs.fromRequest("/api/v1/records", Map.of("subjectId", "s-3"))).containsExactly("subject:s-3");
        assertThat(refs.fromRequest("/api/v1/lists/L/records/r-4", Map.of())).containsExactly("record:r-4");
    }

    @Test
    void anIdentifierIsRecordedAsAFingerprintNeverAsTheNumber() {
        var recorded = refs.fromRequest("/api/v1/subjects/lookup",
                Map.of("scheme", "RESIDENT_ID", "value", "11010519491231002x"));
        assertThat(recorded).singleElement().asString()
                .startsWith("id:RESIDENT_ID:").doesNotContain("11010519491231002");
        // the subject finds it from their own (upper-case) identifier
        assertThat(recorded).containsExactly(refs.identifier("RESIDENT_ID", "11010519491231002X"));
        assertThat(new SubjectRefs("another-key-of-enough-length").identifier("RESIDENT_ID", "11010519491231002X"))
                .isNotEqualTo(recorded.getFirst());
    }

    @Test
    void everyPersonDataPrefixIsAuditedAndPurposeIsNeededForItsReads() {
        assertThat(AccessKind.of("GET", "/api/v1/subjects/s-1")).isEqualTo(AccessKind.PERSON_READ);
        assertThat(AccessKind.of("GET", "/api/v1/subjects/s-1/relations")).isEqualTo(AccessKind.PERSON_READ);
        assertThat(AccessKind.of("GET", "/api/v1/lists/L/records")).isEqualTo(AccessKind.PERSON_READ);
        assertThat(AccessKind.of("POST", "/api/v1/lists/L/records")).isEqualTo(AccessKind.PERSON_WRITE);
        assertThat(AccessKind.of("GET", "/api/v1/lists")).isEqualTo(AccessKind.NONE);
        assertThat(AccessKind.of("POST", "/api/v1/travel-checks/batch")).isEqualTo(AccessKind.TRAVEL_CHECK);
        assertThat(AccessKind.of("GET", "/api/v1/travel-checks/receipt-keys")).isEqualTo(AccessKind.NONE);
        assertThat(AccessKind.of("GET", "/api/v1/records/public")).isEqualTo(AccessKind.NONE);
        assertThat(AccessKind.of("GET", "/api/v1/scores/public/companies/91350100M000100Y43/grade")).isEqualTo(AccessKind.NONE);
        assertThat(AccessKind.of("POST", "/api/v1/eligibility-checks")).isEqualTo(AccessKind.PERSON_CHECK);
        assertThat(AccessKind.of("POST", "/api/v1/subjects/s-1/permits")).isEqualTo(AccessKind.PERSON_WRITE);
        assertThat(Purpose.parse("objection-review")).contains(Purpose.OBJECTION_REVIEW);
        assertThat(Purpose.parse("curiosity")).isEmpty();
    }
}
