package credit.platform.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays Keycloak for the gateway: an RSA key made in the test, its JWKS served at
 * {@code <issuer>/protocol/openid-connect/certs}, and signed access tokens.
 */
final class TestIssuer implements AutoCloseable {

    static final String AUDIENCE = "credit-platform";

    private final HttpServer server;
    private final KeyPair keyPair = newRsaKeyPair();
    private final KeyPair strangerKeyPair = newRsaKeyPair();

    TestIssuer() {
        RSAKey publicJwk = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic()).keyID("test-key").build();
        byte[] jwks = new JWKSet(publicJwk).toString().getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/realms/credit/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        // the token endpoint: the gateway's own client-credentials token (relayed to the services)
        server.createContext("/realms/credit/protocol/openid-connect/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            tokenRequests.incrementAndGet();
            byte[] answer = ("{\"access_token\":\"" + serviceToken() + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** How many times the gateway asked for its own token. */
    final java.util.concurrent.atomic.AtomicInteger tokenRequests = new java.util.concurrent.atomic.AtomicInteger();

    /** The service identity's token, as Keycloak issues it to credit-services. */
    String serviceToken() {
        return tokenFor("credit-services", null, java.util.Map.of(), "registry.read", "registry.write", "lists.read",
                "scoring.read", "platform.internal");
    }

    String issuerUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/credit";
    }

    /** A valid token for the platform carrying the given scopes. */
    String token(String... scopes) {
        return sign(claims(issuerUri(), List.of(AUDIENCE), Instant.now().plus(Duration.ofMinutes(5)), scopes),
                keyPair);
    }

    /** A valid token as Keycloak issues it to {@code clientId}: {@code azp}, agency and extra claims. */
    String tokenFor(String clientId, String agency, java.util.Map<String, String> extraClaims, String... scopes) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(
                claims(issuerUri(), List.of(AUDIENCE), Instant.now().plus(Duration.ofMinutes(5)), scopes))
                .claim("azp", clientId);
        if (agency != null) {
            claims.claim("agency", agency);
        }
        extraClaims.forEach(claims::claim);
        return sign(claims.build(), keyPair);
    }

    String tokenForAudience(String audience, String... scopes) {
        return sign(claims(issuerUri(), List.of(audience), Instant.now().plus(Duration.ofMinutes(5)), scopes),
                keyPair);
    }

    String tokenFromIssuer(String issuer, String... scopes) {
        return sign(claims(issuer, List.of(AUDIENCE), Instant.now().plus(Duration.ofMinutes(5)), scopes), keyPair);
    }

    String expiredToken(String... scopes) {
        return sign(claims(issuerUri(), List.of(AUDIENCE), Instant.now().minus(Duration.ofMinutes(10)), scopes),
                keyPair);
    }

    String tokenSignedByAnotherKey(String... scopes) {
        return sign(claims(issuerUri(), List.of(AUDIENCE), Instant.now().plus(Duration.ofMinutes(5)), scopes),
                strangerKeyPair);
    }

    private static JWTClaimsSet claims(String issuer, List<String> audience, Instant expiresAt, String... scopes) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("service-account-test")
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(expiresAt))
                .claim("scope", String.join(" ", scopes))
                .build();
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
