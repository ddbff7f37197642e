package credit.platform.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from and who the platform is, shared by every service.
 *
 * @param issuerUri    the Keycloak realm tokens must be issued by ({@code iss})
 * @param audience     the audience every platform token carries ({@code aud})
 * @param tokenUri     the realm's token endpoint, for this service's own calls to other services
 * @param clientId     this service's client id for service-to-service calls (client credentials)
 * @param clientSecret its secret
 */
@ConfigurationProperties("credit.security")
public record PlatformSecurityProperties(
        @DefaultValue("http://localhost:8180/realms/credit") String issuerUri,
        @DefaultValue("credit-platform") String audience,
        @DefaultValue("http://localhost:8180/realms/credit/protocol/openid-connect/token") String tokenUri,
        @DefaultValue("credit-services") String clientId,
        @DefaultValue("credit-services-secret") String clientSecret) {

    /** Keycloak's JWKS endpoint for the realm; read lazily so a service starts before Keycloak. */
    public String jwkSetUri() {
        return issuerUri + "/protocol/openid-connect/certs";
    }
}
