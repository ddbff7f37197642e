package credit.platform.client;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the platform is and how this agency authenticates (OAuth2 client credentials).
 *
 * @param gatewayUrl   base URL of the gateway, e.g. {@code http://localhost:8080}
 * @param tokenUri     the token endpoint, e.g.
 *                     {@code http://localhost:8180/realms/credit/protocol/openid-connect/token}
 * @param clientId     the agency's client id
 * @param clientSecret the agency's client secret
 */
@ConfigurationProperties("credit.platform.client")
public record PlatformClientProperties(String gatewayUrl, String tokenUri, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "PlatformClientProperties[gatewayUrl=" + gatewayUrl + ", tokenUri=" + tokenUri + ", clientId="
                + clientId + ", clientSecret=***]";
    }
}
