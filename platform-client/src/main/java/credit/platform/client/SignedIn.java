package credit.platform.client;

import java.time.Instant;
import java.util.List;

/**
 * Who the platform will take this client for: read from the access token the token endpoint issued
 * (informational — the gateway and the services check the token themselves).
 *
 * @param clientId  the token's client ({@code azp})
 * @param scopes    the scopes it grants ({@code scope})
 * @param agency    the agency whose lists it may write ({@code agency}), or null
 * @param expiresAt when the token expires ({@code exp}); the client fetches the next one by itself
 */
public record SignedIn(String clientId, List<String> scopes, String agency, Instant expiresAt) {
}
