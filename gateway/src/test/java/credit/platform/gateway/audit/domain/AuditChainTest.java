package credit.platform.gateway.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    static List<AuditEntry> chainOf(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = new AuditEntry.Draft(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "court-demo",
                    "SPC", "ENFORCEMENT", List.of("subject:s" + i), "GET", "GET /api/v1/subjects/**", 200)
                    .chainedAfter(i, previous);
            entries.add(e);
            previous = e.hash();
        }
        return entries;
    }

    static AuditChain.Verdict verify(List<AuditEntry> entries, long head) {
        AuditChain.Verifier verifier = new AuditChain.Verifier(head);
        entries.forEach(verifier::accept);
        return verifier.verdict();
    }

    @Test
    void anUntouchedChainIsIntact() {
        assertThat(verify(chainOf(5), 5)).isEqualTo(new AuditChain.Verdict(true, 5, 0, null));
    }

    @Test
    void changingAnyFieldOfAnEntryIsDetectedAtThatEntry() {
        List<AuditEntry> entries = chainOf(5);
        AuditEntry e = entries.get(2);
        entries.set(2, new AuditEntry(e.sequence(), e.time(), "someone-else", e.agency(), e.purpose(),
                e.subjectRefs(), e.method(), e.route(), e.status(), e.previousHash(), e.hash()));
        AuditChain.Verdict verdict = verify(entries, 5);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(3);
    }

    @Test
    void rehashingAnAlteredEntryBreaksTheLinkOfTheNextOne() {
        List<AuditEntry> entries = chainOf(5);
        AuditEntry e = entries.get(2);
        entries.set(2, new AuditEntry.Draft(e.time(), e.clientId(), e.agency(), "LICENSING", e.subjectRefs(),
                e.method(), e.route(), e.status()).chainedAfter(3, e.previousHash()));
        AuditChain.Verdict verdict = verify(entries, 5);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(4);
    }

    @Test
    void aDeletedEntryInTheMiddleOrAtTheEndIsDetected() {
        List<AuditEntry> middle = chainOf(5);
        middle.remove(1);
        assertThat(verify(middle, 5).firstBrokenSequence()).isEqualTo(2);

        List<AuditEntry> tail = chainOf(5);
        tail.remove(4);
        AuditChain.Verdict verdict = verify(tail, 5);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(5);
    }

    @Test
    void swappingTwoEntriesIsDetected() {
        List<AuditEntry> entries = chainOf(5);
        AuditEntry second = entries.get(1);
        entries.set(1, entries.get(2));
        entries.set(2, second);
        assertThat(verify(entries, 5).intact()).isFalse();
        assertThat(verify(entries, 5).firstBrokenSequence()).isEqualTo(2);
    }
}
