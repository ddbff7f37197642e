package credit.platform.common.grpc;

import credit.platform.common.security.PlatformSecurityProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.web.client.RestClient;

/** The service-to-service call pattern, set once: tokens, deadlines, breakers, retries, metrics. */
@AutoConfiguration
@EnableConfigurationProperties({RemoteCallProperties.class, PlatformSecurityProperties.class})
public class RemoteCallsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CircuitBreakerRegistry circuitBreakerRegistry(ObjectProvider<MeterRegistry> meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        meters.ifAvailable(m -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(m));
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    RetryRegistry retryRegistry(ObjectProvider<MeterRegistry> meters) {
        RetryRegistry registry = RetryRegistry.ofDefaults();
        meters.ifAvailable(m -> TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(m));
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    RemoteCalls remoteCalls(RemoteCallProperties properties, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        return new RemoteCalls(properties, breakers, retries);
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceTokenSource serviceTokenSource(PlatformSecurityProperties properties, ObjectProvider<RestClient.Builder> http,
            ObjectProvider<Clock> clock) {
        return new ServiceTokenSource(properties, http.getIfAvailable(RestClient::builder),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @GlobalClientInterceptor
    @ConditionalOnMissingBean
    ServiceTokenClientInterceptor serviceTokenClientInterceptor(ServiceTokenSource tokens) {
        return new ServiceTokenClientInterceptor(tokens);
    }
}
