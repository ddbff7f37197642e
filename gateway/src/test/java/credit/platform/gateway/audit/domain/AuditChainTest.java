package credit.platform.gateway.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final ChainKeys KEYS = new ChainKeys(java.util.Map.of("k1", "the-audit-chain-key-of-the-gateway-001"), "k1");
    /** A database writer's guess: any key but the gateway's. */
    static final ChainKeys FORGER = new ChainKeys(java.util.Map.of("k1", "a-forgers-key-that-is-not-the-gateways"), "k1");

    static List<AuditEntry> chainOf(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = new AuditEntry.Draft(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "court-demo",
                    "SPC", "ENFORCEMENT", List.of("subject:s" + i), "GET", "GET /api/v1/subjects/**", 200)
                    .chainedAfter(i, previous, KEYS);
            entries.add(e);
            previous = e.hash();
        }
        return entries;
    }

    static AuditChain.Verdict verify(List<AuditEntry> entries, long head) {
        AuditChain.Verifier verifier = new AuditChain.Verifier(head, KEYS);
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
                e.subjectRefs(), e.method(), e.route(), e.status(), e.previousHash(), e.hash(), e.keyId()));
        AuditChain.Verdict verdict = verify(entries, 5);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(3);
    }

    @Test
    void rehashingAnAlteredEntryBreaksTheLinkOfTheNextOne() {
        List<AuditEntry> entries = chainOf(5);
        AuditEntry e = entries.get(2);
        entries.set(2, new AuditEntry.Draft(e.time(), e.clientId(), e.agency(), "LICENSING", e.subjectRefs(),
                e.method(), e.route(), e.status()).chainedAfter(3, e.previousHash(), KEYS));
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

    /**
     * The same entries from {@code from} on, altered (purpose) and re-chained under {@code keys}: with the
     * gateway's key, what only the key holder could forge; with another, what a database writer can.
     */
    static List<AuditEntry> rewrittenFrom(List<AuditEntry> original, int from) {
        return rewrittenFrom(original, from, KEYS);
    }

    static List<AuditEntry> rewrittenFrom(List<AuditEntry> original, int from, ChainKeys keys) {
        List<AuditEntry> forged = new ArrayList<>(original.subList(0, from - 1));
        String previous = from == 1 ? AuditChain.GENESIS : original.get(from - 2).hash();
        for (AuditEntry e : original.subList(from - 1, original.size())) {
            AuditEntry f = new AuditEntry.Draft(e.time(), e.clientId(), e.agency(), "LICENSING", e.subjectRefs(),
                    e.method(), e.route(), e.status()).chainedAfter(e.sequence(), previous, keys);
            forged.add(f);
            previous = f.hash();
        }
        return forged;
    }

    static AuditChain.Verdict verify(List<AuditEntry> entries, long head, List<AuditChain.Anchor> anchors) {
        AuditChain.Verifier verifier = new AuditChain.Verifier(head, KEYS, anchors);
        entries.forEach(verifier::accept);
        return verifier.verdict();
    }

    @Test
    void aDatabaseWriterWithoutTheKeyCannotRewriteAnEntryOrTheChainsTail() {
        List<AuditEntry> original = chainOf(5);
        List<AuditEntry> forged = rewrittenFrom(original, 3, FORGER);
        AuditChain.Verdict verdict = verify(forged, 5);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(3);
        assertThat(verdict.reason()).isEqualTo("content does not match its hash");
        // nor re-label an entry as chained under another key
        AuditEntry e = original.get(1);
        List<AuditEntry> relabelled = new ArrayList<>(original);
        relabelled.set(1, new AuditEntry(e.sequence(), e.time(), e.clientId(), e.agency(), e.purpose(), e.subjectRefs(),
                e.method(), e.route(), e.status(), e.previousHash(), e.hash(), "k2"));
        assertThat(verify(relabelled, 5).reason()).isEqualTo("chained under an unknown key");
    }

    @Test
    void mergingOrSplittingReferencesOrFieldsChangesTheMac() {
        java.time.Instant t = Instant.parse("2026-01-01T00:00:00Z");
        // what the old comma- and newline-joined encoding could not tell apart
        String two = new AuditEntry.Draft(t, "c", "A", "P", List.of("subject:a", "subject:b"), "GET", "r", 200)
                .chainedAfter(1, AuditChain.GENESIS, KEYS).hash();
        String merged = new AuditEntry.Draft(t, "c", "A", "P", List.of("subject:a,subject:b"), "GET", "r", 200)
                .chainedAfter(1, AuditChain.GENESIS, KEYS).hash();
        assertThat(merged).isNotEqualTo(two);
        String newline = new AuditEntry.Draft(t, "c\nA", null, "P", List.of(), "GET", "r", 200)
                .chainedAfter(1, AuditChain.GENESIS, KEYS).hash();
        String spaced = new AuditEntry.Draft(t, "c A", null, "P", List.of(), "GET", "r", 200)
                .chainedAfter(1, AuditChain.GENESIS, KEYS).hash();
        String shifted = new AuditEntry.Draft(t, "c", "\nA", "P", List.of(), "GET", "r", 200)
                .chainedAfter(1, AuditChain.GENESIS, KEYS).hash();
        assertThat(java.util.Set.of(newline, spaced, shifted)).hasSize(3);
        String absent = new AuditEntry.Draft(t, "c", null, "P", List.of(), "GET", "r", 200)
                .chainedAfter(1, AuditChain.GENESIS, KEYS).hash();
        String empty = new AuditEntry.Draft(t, "c", "", "P", List.of(), "GET", "r", 200)
                .chainedAfter(1, AuditChain.GENESIS, KEYS).hash();
        assertThat(absent).isNotEqualTo(empty);
    }

    @Test
    void entriesChainedBeforeAKeyRotationStillVerify() {
        ChainKeys rotated = new ChainKeys(java.util.Map.of("k1", "the-audit-chain-key-of-the-gateway-001",
                "k2", "the-next-audit-chain-key-of-the-gateway"), "k2");
        List<AuditEntry> entries = new ArrayList<>(chainOf(2));
        AuditEntry third = new AuditEntry.Draft(Instant.parse("2026-01-02T00:00:00Z"), "c", null, "P", List.of(),
                "GET", "r", 200).chainedAfter(3, entries.get(1).hash(), rotated);
        entries.add(third);
        assertThat(third.keyId()).isEqualTo("k2");
        AuditChain.Verifier verifier = new AuditChain.Verifier(3, rotated);
        entries.forEach(verifier::accept);
        assertThat(verifier.verdict().intact()).isTrue();
        // without the new key the gateway cannot vouch for what it chained
        assertThat(verify(entries, 3).reason()).isEqualTo("chained under an unknown key");
    }

    @Test
    void aConsistentRewriteOfTheChainAndItsHeadPassesAloneButNotAgainstAPublishedHead() {
        List<AuditEntry> original = chainOf(5);
        AuditChain.Anchor published = new AuditChain.Anchor(5, original.get(4).hash());
        List<AuditEntry> forged = rewrittenFrom(original, 3);

        assertThat(verify(forged, 5).intact()).as("the chain alone cannot see a rewrite by the key's holder").isTrue();
        AuditChain.Verdict verdict = verify(forged, 5, List.of(published));
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(5);
        assertThat(verdict.reason()).contains("rewritten");
        // an earlier published head pins the rewrite down to where it starts
        AuditChain.Verdict sharper = verify(forged, 5, List.of(published, new AuditChain.Anchor(3, original.get(2).hash())));
        assertThat(sharper.firstBrokenSequence()).isEqualTo(3);
        assertThat(verify(original, 5, List.of(published)).intact()).isTrue();
    }

    @Test
    void aCutTailWithTheHeadMovedBackIsCaughtByAPublishedHead() {
        List<AuditEntry> original = chainOf(5);
        AuditChain.Anchor published = new AuditChain.Anchor(5, original.get(4).hash());
        List<AuditEntry> cut = new ArrayList<>(original.subList(0, 3));

        assertThat(verify(cut, 3).intact()).isTrue();
        AuditChain.Verdict verdict = verify(cut, 3, List.of(published));
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(4);
        assertThat(verdict.reason()).contains("published at 5");
    }

    @Test
    void anAnchorIsASequenceAndASha256() {
        String hash = chainOf(1).getFirst().hash();
        assertThat(AuditChain.Anchor.parse(" 7:" + hash)).isEqualTo(new AuditChain.Anchor(7, hash));
        assertThat(AuditChain.Anchor.parse("7:" + hash).toString()).isEqualTo("7:" + hash);
        for (String bad : List.of("7", "x:" + hash, "0:" + hash, "7:abc", "7:" + hash.toUpperCase())) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().as(bad)
                    .isThrownBy(() -> AuditChain.Anchor.parse(bad));
        }
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
