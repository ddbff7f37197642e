package credit.platform.sanctions.travel.adapter.receipt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * How a receipt is signed: a compact JWS (RFC 7515), ES256 under one key, type {@code travel-decision+jws}.
 * The header is encoded once per key; per signature only the claims are written as JSON and signed by the
 * JDK in the JWS form (R ‖ S, RFC 7518 §3.4), without a JOSE object per signature. The same JWS a JOSE
 * library makes ({@code JwsReceiptsTest} verifies it with Nimbus against the published key). One runs per
 * group of answers, on the signing thread; {@link JwsReceipts} signs with it, and so do the benchmarks that
 * measure the signer (docs/benchmarks.md).
 */
public final class Es256Jws {

    /** ES256 with the signature as R ‖ S (IEEE P1363), the form JWS uses: no DER to transcode. */
    private static final String ES256_JCA = "SHA256withECDSAinP1363Format";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final String encodedHeader;
    private final PrivateKey key;

    /**
     * @param keyId the header's {@code kid}: the published key that verifies what this signs
     * @param key   the P-256 private key
     */
    public Es256Jws(String keyId, PrivateKey key) {
        this.encodedHeader = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId)
                .type(new JOSEObjectType("travel-decision+jws")).build().toBase64URL().toString();
        this.key = key;
    }

    /** The compact JWS of {@code claims}: header, claims and signature, each base64url, joined by dots. */
    public String sign(Map<String, Object> claims) {
        try {
            String payload = B64URL.encodeToString(JSONObjectUtils.toJSONString(claims).getBytes(StandardCharsets.UTF_8));
            StringBuilder jws = new StringBuilder(encodedHeader.length() + payload.length() + 90)
                    .append(encodedHeader).append('.').append(payload);
            Signature es256 = Signature.getInstance(ES256_JCA);
            es256.initSign(key);
            es256.update(jws.toString().getBytes(StandardCharsets.US_ASCII));
            return jws.append('.').append(B64URL.encodeToString(es256.sign())).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a receipt", e);
        }
    }
}
