package credit.platform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class JwtCacheTest {

    final JwkSetKeysTest.MovableClock clock = new JwkSetKeysTest.MovableClock();

    Jwt jwt(String token, Instant expires) {
        return Jwt.withTokenValue(token).header("alg", "RS256").claim("azp", "airline-demo")
                .issuedAt(expires.minusSeconds(300)).expiresAt(expires).build();
    }

    @Test
    void aTokenIsValidatedOnceAndAnsweredFromTheCacheUntilItExpires() {
        AtomicInteger validations = new AtomicInteger();
        Instant exp = clock.now.plusSeconds(300);
        JwtDecoder full = token -> {
            validations.incrementAndGet();
            if (!token.startsWith("good")) {
                throw new BadJwtException("bad signature");
            }
            if (!clock.instant().isBefore(exp)) {
                throw new BadJwtException("expired");
            }
            return jwt(token, exp);
        };
        CachingJwtDecoder decoder = new CachingJwtDecoder(full, new JwtCache(clock, 100));

        for (int i = 0; i < 1000; i++) {
            assertThat(decoder.decode("good-1").getTokenValue()).isEqualTo("good-1");
        }
        assertThat(validations).hasValue(1);

        clock.now = exp;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode("good-1"))
                .isInstanceOf(BadJwtException.class);
        assertThat(validations).as("an expired token is validated again (and refused)").hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverCached() {
        AtomicInteger validations = new AtomicInteger();
        CachingJwtDecoder decoder = new CachingJwtDecoder(token -> {
            validations.incrementAndGet();
            throw new BadJwtException("bad signature");
        }, new JwtCache(clock, 100));
        for (int i = 0; i < 3; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode("forged"))
                    .isInstanceOf(BadJwtException.class);
        }
        assertThat(validations).hasValue(3);
    }

    @Test
    void theCacheHoldsAtMostItsSizeAndMakesRoomByDroppingExpiredTokens() {
        JwtCache cache = new JwtCache(clock, 3);
        cache.put("a", jwt("a", clock.now.plusSeconds(10)));
        cache.put("b", jwt("b", clock.now.plusSeconds(10)));
        cache.put("c", jwt("c", clock.now.plusSeconds(1000)));
        cache.put("d", jwt("d", clock.now.plusSeconds(1000)));
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("d")).as("full: not cached, validated each time").isEmpty();

        clock.now = clock.now.plusSeconds(20);
        cache.put("d", jwt("d", clock.now.plusSeconds(1000)));
        assertThat(cache.get("d")).isPresent();
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.size()).isEqualTo(2);
    }

}
