package credit.platform.benchmarks.sanctions;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import credit.platform.sanctions.travel.domain.Receipts;
import java.util.Map;
import java.util.Optional;

/** ES256 receipts as the service signs them (same library and algorithm), or none when disabled. */
final class BenchReceipts implements Receipts {

    private final ECKey key;
    private final ECDSASigner signer;
    private final boolean enabled;

    BenchReceipts(boolean enabled) {
        this.enabled = enabled;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
            signer = new ECDSASigner(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String sign(Map<String, Object> claims) {
        if (!enabled) {
            return "";
        }
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench").build(),
                    new Payload(claims));
            jws.sign(signer);
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Map<String, Object>> verify(String receipt) {
        return Optional.empty();
    }

    @Override
    public Map<String, Object> publishedKeys() {
        return key.toPublicJWK().toJSONObject();
    }
}
