package credit.platform.gateway.security;

import java.util.Optional;

import credit.platform.common.security.JwtCache;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway's token decoder: each distinct token is validated in full once (signature, issuer,
 * audience, times) and then answered from platform-common's {@link JwtCache} until it expires, so a
 * ticketing client's thousands of calls per token cost one signature check. {@link #cached} lets the
 * gRPC front door take the answer synchronously when it is there.
 */
public final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final JwtCache cache;

    public CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, JwtCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    /** The token's validated form, when it was validated before and has not expired. */
    public Optional<Jwt> cached(String token) {
        return cache.get(token);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Optional<Jwt> hit = cache.get(token);
        if (hit.isPresent()) {
            return Mono.just(hit.get());
        }
        return delegate.decode(token).doOnNext(jwt -> cache.put(token, jwt));
    }
}
