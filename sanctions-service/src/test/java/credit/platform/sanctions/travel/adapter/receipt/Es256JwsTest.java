package credit.platform.sanctions.travel.adapter.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer every receipt goes through, checked by a JOSE library that does not share its code. */
class Es256JwsTest {

    @Test
    void aJoseLibraryVerifiesWhatItSignsWithTheKeyIdTypeAndClaims() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k-1").generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("k-1").generate();
        Map<String, Object> claims = Map.of("jti", "r-1", "count", 3L, "root", "AAEC", "typ", "merkle-sha256");

        JWSObject jws = JWSObject.parse(new Es256Jws("k-1", key.toECPrivateKey()).sign(claims));

        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.getHeader().getKeyID()).isEqualTo("k-1");
        assertThat(jws.getHeader().getType()).isEqualTo(new JOSEObjectType("travel-decision+jws"));
        assertThat(jws.getPayload().toJSONObject()).isEqualTo(claims);
        assertThat(jws.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
        assertThat(jws.verify(new ECDSAVerifier(other.toPublicJWK()))).as("another key's signature").isFalse();
    }
}
