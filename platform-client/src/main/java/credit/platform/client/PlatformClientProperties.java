package credit.platform.client;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the platform is and how this agency authenticates (OAuth2 client credentials).
 *
 * @param gatewayUrl   base URL of the gateway, e.g. {@code http://localhost:8080}
 * @param tokenUri     the token endpoint, e.g.
 *                     {@code http://localhost:8180/realms/credit/protocol/openid-connect/token}
 * @param clientId     the agency's client id
 * @param clientSecret the agency's client secret
 * @param defaultPurpose the {@code X-Purpose} sent with every call that states none (one of the
 *                     gateway's vocabulary: ENFORCEMENT, LICENSING, PROCUREMENT, SUPERVISION,
 *                     OBJECTION_REVIEW, DATA_MAINTENANCE); unset: a call without a purpose sends
 *                     none, and the gateway refuses it if it reads person data
 */
@ConfigurationProperties("credit.platform.client")
public record PlatformClientProperties(String gatewayUrl, String tokenUri, String clientId, String clientSecret,
        String defaultPurpose) {

    @ConstructorBinding
    public PlatformClientProperties {
    }

    /** Without a default purpose. */
    public PlatformClientProperties(String gatewayUrl, String tokenUri, String clientId, String clientSecret) {
        this(gatewayUrl, tokenUri, clientId, clientSecret, null);
    }

    @Override
    public String toString() {
        return "PlatformClientProperties[gatewayUrl=" + gatewayUrl + ", tokenUri=" + tokenUri + ", clientId="
                + clientId + ", clientSecret=***, defaultPurpose=" + defaultPurpose + "]";
    }
}
