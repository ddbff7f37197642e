package credit.platform.sanctions.travel.adapter.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import credit.platform.testsupport.MongoTestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Receipt keys in MongoDB: private keys only encrypted at rest, the newest key signs and every
 * published key verifies, rotation when the newest is older than rotate-after (replicas converge on
 * one new key), a key stored in plain text by an earlier version encrypted in place.
 */
class JwsReceiptsTest {

    static final String KEK = "a-key-encryption-key-of-32-chars-at-least";
    static final ReceiptProperties PROPERTIES = new ReceiptProperties(KEK, "a-document-key-of-32-chars-at-least-00",
            Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(1));

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T00:00:00Z"));
    final Clock clock = new Clock() {
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
            return now.get();
        }
    };

    MongoClient client;
    MongoTemplate mongo;
    final List<JwsReceipts> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        String db = "receipts-" + System.nanoTime();
        client = MongoClients.create(MongoTestServer.uri(db));
        mongo = new MongoTemplate(client, db);
    }

    @AfterEach
    void tearDown() {
        started.forEach(JwsReceipts::destroy);
        client.close();
    }

    JwsReceipts receipts(ReceiptProperties properties) {
        JwsReceipts r = new JwsReceipts(mongo, clock, properties);
        started.add(r);
        return r;
    }

    List<Document> keyDocuments() {
        List<Document> keys = new ArrayList<>();
        mongo.getCollection(JwsReceipts.KEYS).find().forEach(keys::add);
        return keys;
    }

    @Test
    void theDatabaseHoldsNoPrivateKeyInPlainText() throws Exception {
        JwsReceipts receipts = receipts(PROPERTIES);
        assertThat(keyDocuments()).singleElement().satisfies(d -> {
            assertThat(d.containsKey("jwk")).isFalse();
            assertThat(ECKey.parse(d.getString("publicJwk")).isPrivate()).isFalse();
            assertThat(d.getString("privateJwkEncrypted")).isNotBlank();
            assertThat(d.toJson()).doesNotContain("\"d\"");
        });
        assertThat(receipts.verify(receipts.sign(Map.of("decision", "DENY")))).isPresent();
        // the published set has public parts only
        List<String> fields = ((List<?>) receipts.publishedKeys().get("keys")).stream()
                .flatMap(k -> ((Map<?, ?>) k).keySet().stream()).map(String::valueOf).toList();
        assertThat(fields).contains("x", "y").doesNotContain("d");
    }

    @Test
    void theNewestKeySignsAfterARotationAndEveryPublishedKeyStillVerifies() {
        JwsReceipts receipts = receipts(PROPERTIES);
        String first = receipts.signingKeyId();
        String before = receipts.sign(Map.of("decision", "ALLOW"));

        now.set(now.get().plus(Duration.ofDays(31)));
        receipts.refresh();

        assertThat(receipts.signingKeyId()).isNotEqualTo(first);
        String after = receipts.sign(Map.of("decision", "DENY"));
        assertThat(after).doesNotContain(first);
        assertThat(receipts.verify(before)).isPresent();
        assertThat(receipts.verify(after)).isPresent();
        assertThat(((List<?>) receipts.publishedKeys().get("keys"))).hasSize(2);
        // nothing due yet: no third key
        receipts.refresh();
        assertThat(keyDocuments()).hasSize(2);
    }

    @Test
    void replicasRotatingAtOnceConvergeOnOneNewKey() {
        JwsReceipts one = receipts(PROPERTIES);
        JwsReceipts two = receipts(PROPERTIES);
        assertThat(two.signingKeyId()).isEqualTo(one.signingKeyId());

        now.set(now.get().plus(Duration.ofDays(45)));
        one.refresh();
        two.refresh();

        assertThat(keyDocuments()).hasSize(2);
        assertThat(two.signingKeyId()).isEqualTo(one.signingKeyId());
        assertThat(two.verify(one.sign(Map.of("n", 1)))).isPresent();
    }

    @Test
    void aKeyStoredInPlainTextByAnEarlierVersionIsEncryptedInPlaceAndStillSigns() throws Exception {
        ECKey legacy = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                .keyID("receipt-legacy").generate();
        mongo.getCollection(JwsReceipts.KEYS).insertOne(new Document("_id", legacy.getKeyID())
                .append("jwk", legacy.toJSONString()).append("createdAt", Date.from(now.get())));

        JwsReceipts receipts = receipts(PROPERTIES);

        assertThat(receipts.signingKeyId()).isEqualTo("receipt-legacy");
        assertThat(keyDocuments()).singleElement().satisfies(d -> {
            assertThat(d.containsKey("jwk")).isFalse();
            assertThat(d.toJson()).doesNotContain(legacy.getD().toString());
        });
        assertThat(receipts.verify(receipts.sign(Map.of("decision", "DENY")))).isPresent();
    }

    @Test
    void anotherKeyEncryptionKeyCannotUseTheStoredKeysAndTheServiceDoesNotStart() {
        receipts(PROPERTIES);
        ReceiptProperties other = new ReceiptProperties("another-key-encryption-key-of-32-chars",
                PROPERTIES.documentKey(), PROPERTIES.rotateAfter(), PROPERTIES.refreshEvery(), PROPERTIES.validFor());
        assertThatThrownBy(() -> receipts(other)).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void secretsShorterThan32CharactersAreRefused() {
        assertThatThrownBy(() -> new ReceiptProperties("short", PROPERTIES.documentKey(), Duration.ofDays(30),
                Duration.ofHours(1), Duration.ofDays(1))).hasMessageContaining("key-encryption-key");
        assertThatThrownBy(() -> new ReceiptProperties(KEK, null, Duration.ofDays(30), Duration.ofHours(1),
                Duration.ofDays(1))).hasMessageContaining("document-key");
    }

    @Test
    void aReceiptIsAStandardJwsAnyJoseLibraryVerifiesWithThePublishedKey() throws Exception {
        JwsReceipts receipts = receipts(PROPERTIES);
        Map<String, Object> claims = Map.of("iss", "credit-platform/sanctions-service", "jti", "TR-1", "iat", 1_777_593_600L,
                "exp", 1_777_680_000L, "typ", "merkle-sha256", "merkleRoot", "cm9vdA", "count", 3);
        String receipt = receipts.sign(claims);

        // checked by Nimbus, not by the code that signed it: header, ES256 signature (R ‖ S, 64 bytes), claims
        com.nimbusds.jose.JWSObject jws = com.nimbusds.jose.JWSObject.parse(receipt);
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.getHeader().getKeyID()).isEqualTo(receipts.signingKeyId());
        assertThat(jws.getHeader().getType()).hasToString("travel-decision+jws");
        assertThat(jws.getSignature().decode()).hasSize(64);
        ECKey published = com.nimbusds.jose.jwk.JWKSet.parse(receipts.publishedKeys()).getKeys().stream()
                .filter(k -> k.getKeyID().equals(receipts.signingKeyId())).findFirst().orElseThrow().toECKey();
        assertThat(published.isPrivate()).isFalse();
        assertThat(jws.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(published))).isTrue();
        assertThat(jws.getPayload().toJSONObject()).isEqualTo(Map.of("iss", "credit-platform/sanctions-service",
                "jti", "TR-1", "iat", 1_777_593_600L, "exp", 1_777_680_000L, "typ", "merkle-sha256",
                "merkleRoot", "cm9vdA", "count", 3L));
        assertThat(receipts.verify(receipt)).isPresent();

        // one changed claim: no longer verifies (here nor with Nimbus)
        String[] parts = receipt.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"count\":3", "\"count\":4").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(forged).isNotEqualTo(receipt);
        assertThat(com.nimbusds.jose.JWSObject.parse(forged).verify(new com.nimbusds.jose.crypto.ECDSAVerifier(published)))
                .isFalse();
        assertThat(receipts.verify(forged)).isEmpty();
    }
}
