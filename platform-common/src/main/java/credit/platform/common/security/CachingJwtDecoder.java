package credit.platform.common.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** A {@link JwtDecoder} that validates each distinct token once and answers repeats from a {@link JwtCache}. */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final JwtCache cache;

    public CachingJwtDecoder(JwtDecoder delegate, JwtCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var hit = cache.get(token);
        if (hit.isPresent()) {
            return hit.get();
        }
        Jwt jwt = delegate.decode(token);
        cache.put(token, jwt);
        return jwt;
    }
}
