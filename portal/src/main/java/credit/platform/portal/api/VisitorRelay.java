package credit.platform.portal.api;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;

/**
 * The portal's own token for the public pages' API calls, so each anonymous visitor has a budget of
 * their own at the gateway: the portal calls the open routes with its client-credentials token (client
 * {@code credit-portal}, the same client people sign in through) and names the visitor's address in
 * {@value #HEADER}; the gateway honours that header only with a token of the portal's client
 * (docs/portal.md). The token is kept in memory, never in a visitor's session, and renewed before it
 * expires. When it cannot be had (Keycloak down), the page still asks the API, anonymously: all such
 * visitors then share the portal's own address's budget, as before.
 */
@Component
public class VisitorRelay {

    /** The header the gateway reads the visitor's address from (gateway: {@code PortalVisitors}). */
    public static final String HEADER = "X-Portal-Visitor";

    private static final String REGISTRATION = "portal-relay";
    private static final Logger log = LoggerFactory.getLogger(VisitorRelay.class);

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final InMemoryOAuth2AuthorizedClientService clients;
    private final boolean enabled;
    private volatile long lastFailureLog;
    /** After a failure, the token endpoint is not asked again for a while (pages must not wait on it). */
    private volatile long quietUntil;

    VisitorRelay(@Value("${spring.security.oauth2.client.registration.keycloak.client-id}") String clientId,
            @Value("${spring.security.oauth2.client.registration.keycloak.client-secret}") String clientSecret,
            @Value("${spring.security.oauth2.client.provider.keycloak.token-uri}") String tokenUri,
            @Value("${credit.portal.visitor-budgets:true}") boolean enabled) {
        // not one of Spring's login registrations: it must never appear at /oauth2/authorization/**
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUri)
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        this.clients = new InMemoryOAuth2AuthorizedClientService(registrations);
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        this.manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials().build());
        this.enabled = enabled;
    }

    /** The portal's own access token, if it can be had now. */
    Optional<String> token() {
        if (!enabled || System.nanoTime() - quietUntil < 0) {
            return Optional.empty();
        }
        try {
            OAuth2AuthorizedClient client = manager.authorize(
                    OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal("portal").build());
            return client == null ? Optional.empty() : Optional.of(client.getAccessToken().getTokenValue());
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            quietUntil = now + 30_000_000_000L;
            if (now - lastFailureLog > 60_000_000_000L) {
                lastFailureLog = now;
                log.warn("portal token for visitor budgets not available ({}); public pages call the API "
                        + "anonymously", e.getClass().getSimpleName());
            }
            return Optional.empty();
        }
    }

    /** Forgets the token (the gateway refused it): the next call fetches a new one at once. */
    public void forget() {
        clients.removeAuthorizedClient(REGISTRATION, "portal");
        quietUntil = System.nanoTime();
    }
}
