package credit.platform.client.autoconfigure;

import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link PlatformClient} bean from {@code credit.platform.client.*}, when
 * {@code credit.platform.client.gateway-url} is set.
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformClientProperties.class)
public class PlatformClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "credit.platform.client", name = "gateway-url")
    PlatformClient platformClient(PlatformClientProperties properties) {
        return PlatformClients.create(properties);
    }
}
