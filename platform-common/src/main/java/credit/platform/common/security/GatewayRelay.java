package credit.platform.common.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.Metadata;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The proof that a request reached a service through the platform's gateway. The gateway relays
 * the caller's own token (the service checks its scope) and adds, in {@link #HEADER} (REST) or the
 * gRPC metadata key of the same name, its own service token: a platform token holding
 * {@link Scopes#PLATFORM_INTERNAL}, which only the service client has. Without it a caller's token,
 * however well scoped, opens nothing on a service's own port — so no read of person data escapes the
 * gateway's purpose rule, audit and budgets. A caller that is itself the service identity (a service
 * calling another) needs no relay.
 *
 * <p>A relay token is verified once (signature, issuer, audience, expiry, scope) and then remembered
 * until it expires; the gateway reuses one token for minutes.
 */
public final class GatewayRelay {

    /** The REST header (and, lower-cased, the gRPC metadata key) carrying the gateway's token. */
    public static final String HEADER = "X-Credit-Gateway";
    public static final Metadata.Key<String> METADATA_KEY = Metadata.Key.of(HEADER.toLowerCase(java.util.Locale.ROOT),
            Metadata.ASCII_STRING_MARSHALLER);
    private static final int REMEMBERED = 64;

    private final JwtDecoder decoder;
    private final boolean required;
    private final Clock clock;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    /**
     * @param decoder  the service's own token decoder (the realm's keys, issuer, audience)
     * @param required whether requests on behalf of outside callers must be relayed (true in every
     *                 deployment; service tests that call a service directly switch it off)
     */
    public GatewayRelay(JwtDecoder decoder, boolean required, Clock clock) {
        this.decoder = decoder;
        this.required = required;
        this.clock = clock;
    }

    public boolean required() {
        return required;
    }

    /** Whether the caller is the service identity itself (holds {@link Scopes#PLATFORM_INTERNAL}). */
    public static boolean isServiceIdentity(Authentication authentication) {
        if (authentication == null) {
            return false;
        }
        String internal = Scopes.authority(Scopes.PLATFORM_INTERNAL);
        for (GrantedAuthority a : authentication.getAuthorities()) {
            if (internal.equals(a.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a request of {@code caller} may be served: relaying is not required, the caller is the
     * service identity, or {@code relayToken} (the header's value) is a valid token of the service identity.
     */
    public boolean admits(Authentication caller, String relayToken) {
        return !required || isServiceIdentity(caller) || isRelayToken(relayToken);
    }

    boolean isRelayToken(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        String value = token.regionMatches(true, 0, "Bearer ", 0, 7) ? token.substring(7).strip() : token.strip();
        Instant now = clock.instant();
        Instant until = verified.get(value);
        if (until != null) {
            if (now.isBefore(until)) {
                return true;
            }
            verified.remove(value);
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(value);
        } catch (JwtException e) {
            return false;
        }
        String scope = jwt.getClaimAsString("scope");
        boolean internal = scope != null && java.util.Arrays.asList(scope.split(" ")).contains(Scopes.PLATFORM_INTERNAL);
        if (internal && jwt.getExpiresAt() != null) {
            if (verified.size() >= REMEMBERED) {
                verified.clear();
            }
            verified.put(value, jwt.getExpiresAt());
        }
        return internal;
    }
}
