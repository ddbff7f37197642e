package credit.platform.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs JWTs shaped like the platform's Keycloak tokens with a key of its own, for slice tests that
 * must exercise real JWT validation (signature, issuer, audience, expiry, scopes) without Keycloak.
 * The services are pointed at {@link #jwkSetJson()} through a local JWKS endpoint or a decoder built
 * from {@link #publicKey()}. System tests use the real Keycloak instead.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8180/realms/credit";
    public static final String AUDIENCE = "credit-platform";

    private final RSAKey key;

    public TestTokens() {
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public java.security.interfaces.RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A decoder that validates like the services' real one (signature, expiry, issuer, audience),
     * trusting this instance's key instead of Keycloak's.
     */
    public org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder() {
        var decoder = org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withPublicKey(publicKey()).build();
        decoder.setJwtValidator(new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(ISSUER),
                new org.springframework.security.oauth2.jwt.JwtClaimValidator<java.util.List<String>>(
                        "aud", aud -> aud != null && aud.contains(AUDIENCE))));
        return decoder;
    }

    public String jwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A valid token for a client holding the given space-separated scopes. */
    public String token(String clientId, String scopes) {
        return token(clientId, scopes, Map.of(), ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)));
    }

    public String token(String clientId, String scopes, Map<String, Object> claims, String issuer, String audience,
            Instant expiresAt) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("service-account-" + clientId)
                .audience(List.of(audience))
                .claim("azp", clientId)
                .claim("scope", scopes)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
