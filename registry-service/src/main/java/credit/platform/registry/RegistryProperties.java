package credit.platform.registry;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Registry settings ({@code credit.registry.*}).
 *
 * @param overrideClients clients (token {@code azp}) allowed to record a USCC on a check-character override
 * @param demoData        synthetic data seeded at start-up into an empty database
 */
@ConfigurationProperties("credit.registry")
public record RegistryProperties(List<String> overrideClients, DemoData demoData) {

    public RegistryProperties {
        overrideClients = overrideClients == null ? List.of("registrar-demo") : List.copyOf(overrideClients);
        demoData = demoData == null ? new DemoData(0, 20261126L) : demoData;
    }

    /**
     * @param size number of persons and companies to generate; 0 (the default) seeds nothing
     * @param seed the generator's seed (same seed, same data)
     */
    public record DemoData(int size, long seed) {
    }
}
