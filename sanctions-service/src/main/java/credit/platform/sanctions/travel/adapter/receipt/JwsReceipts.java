package credit.platform.sanctions.travel.adapter.receipt;

import com.mongodb.client.model.Sorts;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import credit.platform.sanctions.travel.domain.DecisionReceipt;
import credit.platform.sanctions.travel.domain.Receipts;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Receipts as compact JWS, ES256 (P-256). The signing key lives in this service's database
 * (collection {@code receipt_keys}, created once — insert-if-absent, so replicas converge on the
 * oldest), and every key ever used stays published (JWK set, public parts only) so receipts from
 * before a rotation still verify. Production would keep the private key in a KMS/HSM; the port
 * stays the same.
 */
@Component
class JwsReceipts implements Receipts {

    static final String KEYS = "receipt_keys";

    private final ECKey signing;
    private final List<ECKey> published;
    private final ECDSASigner signer;

    JwsReceipts(MongoTemplate mongo, Clock clock) {
        var collection = mongo.getCollection(KEYS);
        if (collection.countDocuments() == 0) {
            try {
                ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                        .keyID("receipt-" + UUID.randomUUID()).generate();
                collection.insertOne(new Document("_id", key.getKeyID()).append("jwk", key.toJSONString())
                        .append("createdAt", Date.from(clock.instant())));
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot create the receipt key", e);
            } catch (RuntimeException duplicate) {
                // another replica created one at the same time: use whichever is oldest below
            }
        }
        List<ECKey> keys = new ArrayList<>();
        for (Document d : collection.find().sort(Sorts.ascending("createdAt", "_id"))) {
            try {
                keys.add(ECKey.parse(d.getString("jwk")));
            } catch (ParseException e) {
                throw new IllegalStateException("unreadable receipt key " + d.get("_id"), e);
            }
        }
        this.signing = keys.getFirst();
        this.published = keys.stream().map(ECKey::toPublicJWK).toList();
        try {
            this.signer = new ECDSASigner(signing);
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable receipt key " + signing.getKeyID(), e);
        }
    }

    @Override
    public String sign(Map<String, Object> claims) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signing.getKeyID())
                    .type(new JOSEObjectType("travel-decision+jws")).build(), new Payload(claims));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a receipt", e);
        }
    }

    /**
     * Either form: a plain JWS (first version: one signature per answer, or a batch's envelope), or
     * a {@link DecisionReceipt} — its JWS must verify, be a {@code merkle-sha256} envelope, and the
     * decision with its inclusion proof must lead to the signed root and count. The claims returned
     * for the latter are the decision's, plus {@code receipt} (the envelope's jti, iat, root,
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
            for (ECKey key : published) {
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
        return new JWKSet(new ArrayList<>(published)).toJSONObject(true);
    }
}
