package credit.platform.client;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import credit.platform.client.internal.ClientCredentialsTokens;
import credit.platform.client.internal.Json;
import credit.platform.client.lists.ListsApi;
import credit.platform.client.registry.RegistryApi;
import credit.platform.client.scoring.ScoringApi;
import credit.platform.client.travel.ReceiptVerifier;
import credit.platform.client.travel.TravelApi;
import tools.jackson.databind.JsonNode;

/**
 * The platform's REST API, one typed interface per service. Made by {@link PlatformClients#create}
 * or, in a Spring Boot application, injected. Thread-safe; share one instance.
 */
public final class PlatformClient {

    private final RegistryApi registry;
    private final ListsApi lists;
    private final ScoringApi scoring;
    private final TravelApi travel;
    private final ClientCredentialsTokens tokens;
    private final ReceiptVerifier receiptVerifier;

    PlatformClient(RegistryApi registry, ListsApi lists, ScoringApi scoring, TravelApi travel,
            ClientCredentialsTokens tokens, Clock clock) {
        this.registry = registry;
        this.lists = lists;
        this.scoring = scoring;
        this.travel = travel;
        this.tokens = tokens;
        this.receiptVerifier = ReceiptVerifier.fetchingKeys(travel::receiptKeys, clock);
    }

    /**
     * Signs in now (fetches a token with the client credentials, unless a fresh one is cached) and says
     * who the platform takes this client for. A refused sign-in is a {@link TokenRequestException}.
     */
    public SignedIn signIn() {
        return signedIn(tokens.token());
    }

    /** The claims of an access token that say who it is for (not verified: the platform does that). */
    static SignedIn signedIn(String token) {
        String[] parts = token.split("\\.");
        JsonNode claims;
        try {
            claims = parts.length < 2 ? null : Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (RuntimeException notAJwt) {
            claims = null;
        }
        if (claims == null || !claims.isObject()) {
            return new SignedIn(null, List.of(), null, null);
        }
        List<String> scopes = new ArrayList<>();
        for (String scope : claims.path("scope").asString("").split(" ")) {
            if (!scope.isBlank()) {
                scopes.add(scope);
            }
        }
        String agency = claims.path("agency").isString() ? claims.path("agency").asString() : null;
        Instant expiresAt = claims.path("exp").isNumber() ? Instant.ofEpochSecond(claims.path("exp").asLong()) : null;
        return new SignedIn(claims.path("azp").isString() ? claims.path("azp").asString() : null, List.copyOf(scopes),
                agency, expiresAt);
    }

    /**
     * Verifies travel receipts offline with the published receipt keys: fetched through this client on
     * first use, then cached (see {@link ReceiptVerifier}). One per client; thread-safe.
     */
    public ReceiptVerifier receiptVerifier() {
        return receiptVerifier;
    }

    public RegistryApi registry() {
        return registry;
    }

    public ListsApi lists() {
        return lists;
    }

    public ScoringApi scoring() {
        return scoring;
    }

    public TravelApi travel() {
        return travel;
    }
}
