package credit.platform.common.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens that passed full validation (signature, issuer, audience, times), kept by their exact text
 * until they expire: the next request with the same token skips parsing and the signature check. A
 * hit is only ever the identical string that was verified, and only before its {@code exp}; after that
 * the token is validated in full again (which applies the validators' own clock skew). At most
 * {@code maxEntries} tokens are held; when full, expired ones are dropped and, if that is not enough,
 * new tokens are simply not cached (validated in full each time) — the cache never grows without bound.
 */
public final class JwtCache {

    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Jwt> tokens = new ConcurrentHashMap<>();

    public JwtCache(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The validated token, while it has not expired. */
    public Optional<Jwt> get(String token) {
        Jwt jwt = tokens.get(token);
        if (jwt == null) {
            return Optional.empty();
        }
        if (expired(jwt, clock.instant())) {
            tokens.remove(token, jwt);
            return Optional.empty();
        }
        return Optional.of(jwt);
    }

    /** Keeps a token that passed full validation (one without {@code exp} is never kept). */
    public void put(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (tokens.size() >= maxEntries) {
            Instant now = clock.instant();
            for (Iterator<Jwt> i = tokens.values().iterator(); i.hasNext(); ) {
                if (expired(i.next(), now)) {
                    i.remove();
                }
            }
            if (tokens.size() >= maxEntries) {
                return;
            }
        }
        tokens.put(token, jwt);
    }

    public int size() {
        return tokens.size();
    }

    private static boolean expired(Jwt jwt, Instant now) {
        return !now.isBefore(jwt.getExpiresAt());
    }
}
