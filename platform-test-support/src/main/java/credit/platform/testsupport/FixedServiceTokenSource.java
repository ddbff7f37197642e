package credit.platform.testsupport;

import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.common.security.PlatformSecurityProperties;
import java.time.Clock;
import org.springframework.web.client.RestClient;

/**
 * The calling service's own token without a Keycloak to fetch it from: declare it as the
 * {@code ServiceTokenSource} bean of a test, e.g. with a {@link TestTokens} token for
 * {@code credit-services}.
 */
public final class FixedServiceTokenSource extends ServiceTokenSource {

    private final String token;

    public FixedServiceTokenSource(String token) {
        super(new PlatformSecurityProperties("", "", "", "", ""), RestClient.builder(), Clock.systemUTC());
        this.token = token;
    }

    @Override
    public String token() {
        return token;
    }
}
