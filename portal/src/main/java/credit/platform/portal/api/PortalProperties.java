package credit.platform.portal.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gatewayUri the platform's front door: every read and write of the portal goes through it
 * @param apiTimeout how long one API call may take before the page says the platform is unavailable
 */
@ConfigurationProperties("credit.portal")
public record PortalProperties(@DefaultValue("http://localhost:8080") String gatewayUri,
        @DefaultValue("5s") Duration apiTimeout) {
}
