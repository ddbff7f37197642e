package credit.platform.systemtests;

import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import credit.platform.launcher.StackConfig;

/** What a system test needs to reach the running stack. */
public record TestPlatform(StackConfig config) {

    public String gatewayUrl() {
        return config.gatewayUrl();
    }

    /** A platform-client for one of the realm's demo clients (secret {@code <clientId>-secret}, dev realm only). */
    public PlatformClient clientFor(String clientId) {
        return PlatformClients.create(new PlatformClientProperties(
                config.gatewayUrl(), config.tokenUri(), clientId, clientId + "-secret"));
    }
}
