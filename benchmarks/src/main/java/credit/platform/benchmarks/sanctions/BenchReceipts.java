package credit.platform.benchmarks.sanctions;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import credit.platform.sanctions.travel.adapter.receipt.Es256Jws;
import credit.platform.sanctions.travel.domain.Receipts;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;

/**
 * Receipts signed as the service signs them (sanctions' {@link Es256Jws}: ES256 under a fresh P-256 key), or
 * none when disabled.
 */
final class BenchReceipts implements Receipts {

    private final ECKey key;
    private final PrivateKey privateKey;
    private final Es256Jws jws;
    private final boolean enabled;

    BenchReceipts(boolean enabled) {
        this.enabled = enabled;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
            privateKey = key.toECPrivateKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        jws = new Es256Jws("bench", privateKey);
    }

    /** The signing key, for measuring the bare signature ({@link ReceiptSignBench}). */
    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String sign(Map<String, Object> claims) {
        return enabled ? jws.sign(claims) : "";
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
