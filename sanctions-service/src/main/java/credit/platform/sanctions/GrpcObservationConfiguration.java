package credit.platform.sanctions;

import credit.platform.common.grpc.GrpcCallObservations;
import io.grpc.ServerInterceptor;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * One observation per gRPC call received ({@link GrpcCallObservations}, the same as the gateway's gRPC
 * door), in place of Micrometer's server interceptor, which Spring gRPC would register
 * ({@code spring.grpc.server.observation.enabled: false} in application.yml): the same
 * {@code grpc.server} metrics and spans, continuing the caller's trace, without an event per message
 * and a scope per callback — 23 % of sanctions' CPU under direct gRPC travel checks in the profile
 * (docs/benchmarks.md). Outermost, where Micrometer's was, so calls refused by authentication are
 * observed too.
 */
@Configuration(proxyBeanMethods = false)
class GrpcObservationConfiguration {

    @Bean
    @GlobalServerInterceptor
    @Order(0)
    ServerInterceptor grpcCallObservations(ObjectProvider<ObservationRegistry> registry) {
        return new GrpcCallObservations(registry.getIfAvailable(() -> ObservationRegistry.NOOP)).serverInterceptor();
    }
}
