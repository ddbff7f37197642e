package credit.platform.sanctions.travel.adapter.receipt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import credit.platform.sanctions.travel.domain.DecisionReceipt;
import credit.platform.sanctions.travel.domain.Receipts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Receipts as compact JWS, ES256 (P-256), with keys that rotate.
 *
 * <ul>
 * <li><b>The newest key signs; every published key verifies.</b> Keys live in this service's database
 * (collection {@code receipt_keys}); the newest by creation signs, and every key ever used stays
 * published (JWK set, public parts only), so receipts from before a rotation still verify.</li>
 * <li><b>Rotation.</b> When the newest key is older than {@code credit.receipts.rotate-after}, a new
 * one is made. Its document id is the rotation slot (creation time / rotate-after), so replicas that
 * rotate at once collide on the insert and all take the one that won. Every replica re-reads the keys
 * every {@code refresh-every}, so they converge on the newest within that interval.</li>
 * <li><b>Private keys encrypted at rest.</b> A private key is stored only as AES-256-GCM ciphertext
 * under the key-encryption key {@code credit.receipts.key-encryption-key} (a secret from the
 * deployment's secret store; the key id is the associated data, so a ciphertext cannot be moved to
 * another key's document). Whoever reads the database gets no signing key. A key stored in plain
 * text by an earlier version is encrypted in place at start-up.</li>
 * </ul>
 */
@Component
class JwsReceipts implements Receipts, DisposableBean {

    static final String KEYS = "receipt_keys";
    private static final Logger log = LoggerFactory.getLogger(JwsReceipts.class);
    private static final int GCM_NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final ReceiptProperties properties;
    private final SecretKeySpec keyEncryptionKey;
    private final ScheduledExecutorService refresher;
    private volatile State state;

    /**
     * The signing key (newest) with its JCA private key and its JWS header already encoded (the same for
     * every receipt it signs), and every published key, read together.
     */
    private record State(ECKey signing, Es256Jws signer, List<ECKey> published) {
    }

    JwsReceipts(MongoTemplate mongo, Clock clock, ReceiptProperties properties) {
        this.collection = mongo.getCollection(KEYS);
        this.clock = clock;
        this.properties = properties;
        this.keyEncryptionKey = new SecretKeySpec(sha256(properties.keyEncryptionKey()), "AES");
        encryptPlaintextKeys();
        rotateIfDue();
        this.state = load();
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "receipt-keys");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, properties.refreshEvery().toSeconds());
        refresher.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.SECONDS);
    }

    /** Rotates if due and re-reads the keys (other replicas may have rotated). */
    void refresh() {
        try {
            rotateIfDue();
            State next = load();
            if (!next.signing().getKeyID().equals(state.signing().getKeyID())) {
                log.info("receipts are now signed with key {}", next.signing().getKeyID());
            }
            state = next;
        } catch (RuntimeException e) {
            log.warn("receipt keys not refreshed this round: {}", e.getClass().getSimpleName());
        }
    }

    private void rotateIfDue() {
        Instant now = clock.instant();
        Document newest = collection.find().sort(Sorts.descending("createdAt", "_id")).first();
        if (newest != null && newest.getDate("createdAt").toInstant().plus(properties.rotateAfter()).isAfter(now)) {
            return;
        }
        long slot = now.getEpochSecond() / Math.max(1, properties.rotateAfter().toSeconds());
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID("receipt-" + UUID.randomUUID()).generate();
            collection.insertOne(new Document("_id", "slot-" + slot).append("kid", key.getKeyID())
                    .append("publicJwk", key.toPublicJWK().toJSONString())
                    .append("privateJwkEncrypted", encrypt(key.toJSONString(), key.getKeyID()))
                    .append("createdAt", Date.from(now)));
            log.info("new receipt key {} (rotation slot {})", key.getKeyID(), slot);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot create a receipt key", e);
        } catch (com.mongodb.MongoWriteException duplicate) {
            // another replica rotated into the same slot: its key is read below
        }
    }

    /** Keys written by an earlier version held the private key in plain text: encrypt them in place. */
    private void encryptPlaintextKeys() {
        for (Document d : collection.find(Filters.exists("jwk"))) {
            try {
                ECKey key = ECKey.parse(d.getString("jwk"));
                collection.updateOne(Filters.eq("_id", d.get("_id")), Updates.combine(
                        Updates.set("kid", key.getKeyID()),
                        Updates.set("publicJwk", key.toPublicJWK().toJSONString()),
                        Updates.set("privateJwkEncrypted", encrypt(key.toJSONString(), key.getKeyID())),
                        Updates.unset("jwk")));
                log.info("receipt key {} encrypted at rest", key.getKeyID());
            } catch (ParseException e) {
                throw new IllegalStateException("unreadable receipt key " + d.get("_id"), e);
            }
        }
    }

    private State load() {
        List<ECKey> published = new ArrayList<>();
        Document newest = null;
        for (Document d : collection.find().sort(Sorts.ascending("createdAt", "_id"))) {
            try {
                published.add(ECKey.parse(d.getString("publicJwk")));
            } catch (ParseException e) {
                throw new IllegalStateException("unreadable receipt key " + d.get("_id"), e);
            }
            newest = d;
        }
        if (newest == null) {
            throw new IllegalStateException("no receipt key");
        }
        try {
            ECKey signing = ECKey.parse(decrypt(newest.getString("privateJwkEncrypted"), newest.getString("kid")));
            return new State(signing, new Es256Jws(signing.getKeyID(), signing.toECPrivateKey()), List.copyOf(published));
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("unusable receipt key " + newest.getString("kid"), e);
        }
    }

    private String encrypt(String plaintext, String keyId) {
        try {
            byte[] nonce = new byte[GCM_NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a receipt key", e);
        }
    }

    private String decrypt(String sealed, String keyId) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(128, in, 0, GCM_NONCE));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, GCM_NONCE, in.length - GCM_NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("receipt key " + keyId + " cannot be decrypted with the configured "
                    + "credit.receipts.key-encryption-key", e);
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key id receipts are signed with now (the newest key). */
    String signingKeyId() {
        return state.signing().getKeyID();
    }

    /** A compact JWS under the newest key ({@link Es256Jws}). */
    @Override
    public String sign(Map<String, Object> claims) {
        return state.signer().sign(claims);
    }

    /**
     * Either form: a plain JWS (first version: one signature per answer, or a batch's envelope), or
     * a {@link DecisionReceipt} — its JWS must verify, be a {@code merkle-sha256} envelope, and the
     * decision with its inclusion proof must lead to the signed root and count. The claims returned
     * for the latter are the decision's, plus {@code receipt} (the envelope's jti, iat, exp, root,
     * count and the decision's index).
     */
    @Override
    public Optional<Map<String, Object>> verify(String receipt) {
        if (receipt.indexOf('~') < 0) {
            return verifyJws(receipt);
        }
        return DecisionReceipt.parse(receipt).flatMap(this::verify);
    }

    /**
     * A receipt in parts — the self-contained form parsed, or the compact form of a batch answer
     * (envelope sent once per batch; the count is the envelope's) — verified the same way.
     */
    @Override
    public Optional<Map<String, Object>> verify(DecisionReceipt r) {
        Optional<Map<String, Object>> envelope = verifyJws(r.envelope());
        if (envelope.isEmpty() || !DecisionReceipt.ENVELOPE_TYPE.equals(envelope.get().get("typ"))
                || !(envelope.get().get("merkleRoot") instanceof String root)
                || !(envelope.get().get("count") instanceof Number count)
                || !r.provesRoot(root, count.longValue())) {
            return Optional.empty();
        }
        try {
            Map<String, Object> claims = new LinkedHashMap<>(JSONObjectUtils.parse(r.decisionJson()));
            Map<String, Object> signedBy = new LinkedHashMap<>();
            signedBy.put("jti", envelope.get().get("jti"));
            signedBy.put("iat", envelope.get().get("iat"));
            if (envelope.get().get("exp") != null) {
                signedBy.put("exp", envelope.get().get("exp"));
            }
            signedBy.put("merkleRoot", root);
            signedBy.put("count", count);
            signedBy.put("index", r.index());
            claims.put("receipt", signedBy);
            return Optional.of(claims);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private Optional<Map<String, Object>> verifyJws(String receipt) {
        try {
            JWSObject jws = JWSObject.parse(receipt);
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            for (ECKey key : state.published()) {
                if (key.getKeyID().equals(jws.getHeader().getKeyID()) && jws.verify(new ECDSAVerifier(key))) {
                    return Optional.of(jws.getPayload().toJSONObject());
                }
            }
            return Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Map<String, Object> publishedKeys() {
        return new JWKSet(new ArrayList<>(state.published())).toJSONObject(true);
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
