package credit.platform.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param required whether a service serves outside callers only through the gateway ({@link GatewayRelay});
 *                 on by default, everywhere; a service's own slice tests switch it off
 */
@ConfigurationProperties("credit.security.gateway-relay")
public record GatewayRelayProperties(@DefaultValue("true") boolean required) {
}
