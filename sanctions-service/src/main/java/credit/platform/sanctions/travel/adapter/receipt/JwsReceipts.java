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
import credit.platform.sanctions.travel.domain.Receipts;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
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
    }

    @Override
    public String sign(Map<String, Object> claims) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signing.getKeyID())
                    .type(new JOSEObjectType("travel-decision+jws")).build(), new Payload(claims));
            jws.sign(new ECDSASigner(signing));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a receipt", e);
        }
    }

    @Override
    public Optional<Map<String, Object>> verify(String receipt) {
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
