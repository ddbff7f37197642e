package credit.platform.common.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service (or the gateway) gets the realm's keys and keeps validated tokens
 * ({@link JwkSetKeys}, {@link JwtCache}).
 *
 * @param connectTimeout     TCP connect to the JWKS endpoint
 * @param readTimeout        the JWKS answer, request to last byte
 * @param minRefreshInterval least time between two fetches: a token with an unknown {@code kid} is
 *                           refused at once when the set is younger than this
 * @param maxAge             the held set is refreshed in the background once older than this
 * @param tokenCacheSize     most validated tokens kept until they expire (0: no cache)
 */
@ConfigurationProperties("credit.security.jwks")
public record JwksProperties(
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout,
        @DefaultValue("10s") Duration minRefreshInterval,
        @DefaultValue("10m") Duration maxAge,
        @DefaultValue("10000") int tokenCacheSize) {

    public JwkSetKeys.Settings settings() {
        return new JwkSetKeys.Settings(connectTimeout, readTimeout, minRefreshInterval, maxAge);
    }
}
