package credit.platform.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from and whom they must be meant for.
 *
 * @param issuerUri the realm's issuer, compared verbatim with a token's {@code iss}
 * @param audience  a value a token's {@code aud} must contain
 * @param tokenUri     the realm's token endpoint, for the gateway's own token (relayed to the services,
 *                     and the citizen's subject lookup); empty: the issuer's standard token endpoint
 * @param clientId     the gateway's client id for those calls (client credentials)
 * @param clientSecret its secret
 */
@ConfigurationProperties("credit.security")
public record GatewaySecurityProperties(
        @DefaultValue("http://localhost:8180/realms/credit") String issuerUri,
        @DefaultValue("credit-platform") String audience,
        @DefaultValue("") String tokenUri,
        @DefaultValue("credit-services") String clientId,
        @DefaultValue("credit-services-secret") String clientSecret) {

    public GatewaySecurityProperties {
        if (tokenUri == null || tokenUri.isBlank()) {
            String base = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
            tokenUri = base + "/protocol/openid-connect/token";
        }
    }

    /**
     * Keycloak's JWKS endpoint for the issuer. Derived rather than discovered, so the gateway
     * starts while Keycloak is still down; keys are fetched on the first token.
     */
    public String jwkSetUri() {
        String base = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
        return base + "/protocol/openid-connect/certs";
    }
}
