package credit.platform.sanctions.travel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    @Test
    void everyLeafOfEveryTreeSizeIsProvableAndNoOtherLeafOrIndexIs() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                leaves.add(MerkleTree.leafHash(("decision " + i).getBytes(StandardCharsets.UTF_8)));
            }
            MerkleTree tree = MerkleTree.of(leaves);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = tree.proof(i);
                assertThat(MerkleTree.provesRoot(leaves.get(i), i, n, proof, tree.root())).as("leaf %d of %d", i, n).isTrue();
                assertThat(MerkleTree.provesRoot(MerkleTree.leafHash("forged".getBytes(StandardCharsets.UTF_8)), i, n,
                        proof, tree.root())).isFalse();
                if (n > 1) {
                    assertThat(MerkleTree.provesRoot(leaves.get(i), (i + 1) % n, n, proof, tree.root()))
                            .as("leaf %d of %d under another index", i, n).isFalse();
                }
                if (!proof.isEmpty()) {
                    List<byte[]> altered = new ArrayList<>(proof);
                    byte[] first = altered.getFirst().clone();
                    first[5] ^= 0x10;
                    altered.set(0, first);
                    assertThat(MerkleTree.provesRoot(leaves.get(i), i, n, altered, tree.root())).isFalse();
                }
            }
        }
    }

    @Test
    void aNodeCannotPassForALeaf() {
        byte[] a = MerkleTree.leafHash("a".getBytes(StandardCharsets.UTF_8));
        byte[] b = MerkleTree.leafHash("b".getBytes(StandardCharsets.UTF_8));
        MerkleTree tree = MerkleTree.of(List.of(a, b));
        byte[] concatenated = new byte[64];
        System.arraycopy(a, 0, concatenated, 0, 32);
        System.arraycopy(b, 0, concatenated, 32, 32);

        assertThat(MerkleTree.provesRoot(MerkleTree.leafHash(concatenated), 0, 1, List.of(), tree.root())).isFalse();
    }

    @Test
    void aReceiptSerialisesAndParsesBackToTheSameProof() {
        List<byte[]> decisions = List.of("{\"decision\":\"ALLOW\"}".getBytes(StandardCharsets.UTF_8),
                "{\"decision\":\"DENY\"}".getBytes(StandardCharsets.UTF_8),
                "{\"decision\":\"ALLOW\"}".getBytes(StandardCharsets.UTF_8));
        ReceiptSigner signer = new ReceiptSigner(new Receipts() {
            @Override
            public String sign(java.util.Map<String, Object> claims) {
                return "h.p.s";
            }

            @Override
            public java.util.Optional<java.util.Map<String, Object>> verify(String receipt) {
                return java.util.Optional.empty();
            }

            @Override
            public java.util.Map<String, Object> publishedKeys() {
                return java.util.Map.of();
            }
        }, () -> "TR-1", java.time.Clock.systemUTC());

        ReceiptSigner.Signed signed = signer.signAll(decisions);
        DecisionReceipt second = DecisionReceipt.parse(signed.receipts().get(1)).orElseThrow();

        assertThat(second.envelope()).isEqualTo("h.p.s");
        assertThat(second.decisionJson()).isEqualTo("{\"decision\":\"DENY\"}");
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.count()).isEqualTo(3);
        String root = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(MerkleTree.of(
                decisions.stream().map(MerkleTree::leafHash).toList()).root());
        assertThat(second.provesRoot(root, 3)).isTrue();
        assertThat(second.provesRoot(root, 4)).isFalse();
    }

    @Test
    void aCompactProofIsTheSameInclusionProofAsRawBytesAndProvesTheSignedRootOffline() {
        List<byte[]> decisions = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            decisions.add(("{\"jti\":\"TD-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        MerkleTree tree = MerkleTree.of(decisions.stream().map(MerkleTree::leafHash).toList());
        String root = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(tree.root());
        for (int i = 0; i < 7; i++) {
            byte[] siblings = tree.proofBytes(i);
            List<byte[]> expected = tree.proof(i);
            assertThat(MerkleTree.splitProof(siblings)).hasValueSatisfying(p -> assertThat(p)
                    .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected));
            DecisionReceipt compact = DecisionReceipt.compact("h.p.s", decisions.get(i), i, siblings).orElseThrow();
            assertThat(compact.provesRoot(root, 7)).as("leaf %d", i).isTrue();
            assertThat(compact.provesRoot(root, 3)).as("a count the proof does not fit").isFalse();
            assertThat(DecisionReceipt.compact("h.p.s", decisions.get((i + 1) % 7), i, siblings).orElseThrow()
                    .provesRoot(root, 7)).as("another decision").isFalse();
        }
        assertThat(DecisionReceipt.compact("h.p.s", decisions.get(0), 0, new byte[31])).as("not whole hashes").isEmpty();
    }
}
