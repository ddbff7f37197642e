package credit.platform.client.travel;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import credit.platform.client.MutableClock;
import credit.platform.sanctions.travel.domain.DecisionReceipt;
import credit.platform.sanctions.travel.domain.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The SDK's offline verifier against receipts made exactly as sanctions-service makes them: its own
 * {@link MerkleTree} and {@link DecisionReceipt}, the envelope claims of {@link DecisionReceipt#envelopeClaims},
 * signed ES256 with nimbus like its {@code JwsReceipts}. Every genuine receipt verifies in both forms;
 * every altered one does not.
 */
class ReceiptVerifierTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ECKey KEY = generate("receipt-k1");
    private static final ECKey ROTATED = generate("receipt-k2");

    @Property(tries = 60)
    void everyAnswerOfAnyBatchVerifiesInBothFormsAndNamesItsDecision(@ForAll @IntRange(min = 1, max = 70) int size,
            @ForAll @IntRange(min = 0, max = 69) int pick) {
        int index = pick % size;
        Batch batch = Batch.signed(KEY, size, null);
        ReceiptVerifier verifier = ReceiptVerifier.withKeys(jwks(KEY));

        ReceiptVerification selfContained = verifier.verify(batch.receipt(index));
        assertThat(selfContained.valid()).as(selfContained.reason()).isTrue();
        assertThat(selfContained.claims()).containsEntry("jti", "decision-" + index).containsEntry("decision", "DENY");
        @SuppressWarnings("unchecked")
        Map<String, Object> signedBy = (Map<String, Object>) selfContained.claims().get("receipt");
        assertThat(signedBy).containsEntry("index", index).containsEntry("jti", "batch-1");
        assertThat(((Number) signedBy.get("count")).intValue()).isEqualTo(size);

        ReceiptVerification compact = verifier.verify(batch.compact(index));
        assertThat(compact.valid()).as(compact.reason()).isTrue();
        assertThat(compact.claims()).isEqualTo(selfContained.claims());
    }

    @Property(tries = 60)
    void anAlteredDecisionIndexOrProofNeverVerifies(@ForAll @IntRange(min = 2, max = 40) int size,
            @ForAll @IntRange(min = 0, max = 39) int pick, @ForAll @IntRange(min = 0, max = 1000) int where) {
        int index = pick % size;
        Batch batch = Batch.signed(KEY, size, null);
        ReceiptVerifier verifier = ReceiptVerifier.withKeys(jwks(KEY));
        byte[] decision = batch.decisions.get(index).clone();
        decision[where % decision.length] ^= 0x01;
        assertThat(verifier.verify(new DecisionReceipt(batch.envelope, decision, index, size,
                batch.tree.proof(index)).serialize()).valid()).isFalse();
        int other = (index + 1) % size;
        assertThat(verifier.verify(new DecisionReceipt(batch.envelope, batch.decisions.get(index), other, size,
                batch.tree.proof(index)).serialize()).valid()).isFalse();
        assertThat(verifier.verify(ReceiptVerification.Request.compact(batch.envelope,
                B64.encodeToString(batch.decisions.get(other)), index,
                B64.encodeToString(batch.tree.proofBytes(index)))).valid()).isFalse();
    }

    @Test
    void aReceiptSignedByAnUnpublishedKeyOrWithABrokenSignatureIsNotValidAndSaysWhy() {
        Batch forged = Batch.signed(generate("receipt-k1"), 3, null); // same key id, other key
        ReceiptVerification result = ReceiptVerifier.withKeys(jwks(KEY)).verify(forged.receipt(0));
        assertThat(result.valid()).isFalse();
        assertThat(result.reason()).contains("does not verify with key receipt-k1");

        Batch unknown = Batch.signed(ROTATED, 3, null);
        assertThat(ReceiptVerifier.withKeys(jwks(KEY)).verify(unknown.receipt(1)).reason())
                .contains("receipt-k2, which the platform does not publish");

        String receipt = Batch.signed(KEY, 3, null).receipt(2);
        String broken = receipt.substring(0, receipt.indexOf('~') - 3) + "AAA" + receipt.substring(receipt.indexOf('~'));
        assertThat(ReceiptVerifier.withKeys(jwks(KEY)).verify(broken).valid()).isFalse();
        assertThat(ReceiptVerifier.withKeys(jwks(KEY)).verify("not a receipt").valid()).isFalse();
        assertThat(ReceiptVerifier.withKeys(jwks(KEY)).verify("a~b~c").valid()).isFalse();
    }

    @Test
    void afterAKeyRotationTheVerifierFetchesTheNewKeysOnceAndNotForEveryForgedKeyId() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
        AtomicInteger fetches = new AtomicInteger();
        List<Map<String, Object>> published = new ArrayList<>(List.of(jwks(KEY)));
        ReceiptVerifier verifier = ReceiptVerifier.fetchingKeys(() -> {
            fetches.incrementAndGet();
            return published.getLast();
        }, clock);

        assertThat(verifier.verify(Batch.signed(KEY, 2, null).receipt(0)).valid()).isTrue();
        assertThat(verifier.verify(Batch.signed(KEY, 2, null).receipt(1)).valid()).isTrue();
        assertThat(fetches).hasValue(1);

        published.add(jwks(KEY, ROTATED));
        clock.advance(Duration.ofMinutes(2));
        assertThat(verifier.verify(Batch.signed(ROTATED, 2, null).receipt(0)).valid()).isTrue();
        assertThat(fetches).hasValue(2);

        Batch forged = Batch.signed(generate("receipt-forged"), 2, null);
        for (int i = 0; i < 5; i++) {
            assertThat(verifier.verify(forged.receipt(0)).valid()).isFalse();
        }
        assertThat(fetches).as("an unknown key id refetches at most once a minute").hasValue(2);
        assertThat(verifier.verify(Batch.signed(KEY, 2, null).receipt(0)).valid()).as("old receipts still verify").isTrue();
    }

    @Test
    void anEnvelopePastItsExpiryIsNotValid() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
        ReceiptVerifier verifier = ReceiptVerifier.fetchingKeys(() -> jwks(KEY), clock);
        Batch batch = Batch.signed(KEY, 2, clock.instant().plusSeconds(60).getEpochSecond());
        assertThat(verifier.verify(batch.receipt(1)).valid()).isTrue();
        clock.advance(Duration.ofSeconds(61));
        assertThat(verifier.verify(batch.receipt(1)).reason()).startsWith("expired at");
    }

    @Test
    void aFirstVersionPlainJwsVerifiesWithItsClaims() throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(),
                new Payload(Map.of("jti", "d-1", "decision", "ALLOW")));
        jws.sign(new ECDSASigner(KEY));
        ReceiptVerification result = ReceiptVerifier.withKeys(new JWKSet(KEY.toPublicJWK()).toString()).verify(jws.serialize());
        assertThat(result.valid()).isTrue();
        assertThat(result.claims()).containsEntry("decision", "ALLOW");
    }

    /** A batch of {@code size} decisions signed under one envelope, as the service signs it. */
    record Batch(String envelope, List<byte[]> decisions, MerkleTree tree) {

        static Batch signed(ECKey key, int size, Long exp) {
            List<byte[]> decisions = new ArrayList<>();
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] d = ("{\"jti\":\"decision-" + i + "\",\"decision\":\"DENY\",\"passengerRef\":\"P" + i + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                decisions.add(d);
                leaves.add(MerkleTree.leafHash(d));
            }
            MerkleTree tree = MerkleTree.of(leaves);
            // the service always signs an exp; "no exp given" here means one far in the future (2100-01-01)
            Map<String, Object> claims = new HashMap<>(DecisionReceipt.envelopeClaims("batch-1", 1_780_000_000L,
                    exp != null ? exp : 4_102_444_800L, tree));
            try {
                JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                        .type(new JOSEObjectType("travel-decision+jws")).build(), new Payload(claims));
                jws.sign(new ECDSASigner(key));
                return new Batch(jws.serialize(), decisions, tree);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        String receipt(int index) {
            return new DecisionReceipt(envelope, decisions.get(index), index, tree.count(), tree.proof(index)).serialize();
        }

        ReceiptVerification.Request compact(int index) {
            return ReceiptVerification.Request.compact(envelope, B64.encodeToString(decisions.get(index)), index,
                    B64.encodeToString(tree.proofBytes(index)));
        }
    }

    static Map<String, Object> jwks(ECKey... keys) {
        List<com.nimbusds.jose.jwk.JWK> pub = new ArrayList<>();
        for (ECKey k : keys) {
            pub.add(k.toPublicJWK());
        }
        return new JWKSet(pub).toJSONObject(true);
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
