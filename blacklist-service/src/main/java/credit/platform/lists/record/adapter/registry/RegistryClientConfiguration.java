package credit.platform.lists.record.adapter.registry;

import credit.registry.v1.RegistryServiceGrpc;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ImportGrpcClients;

/**
 * The registry's gRPC stub, on channel {@code registry}
 * ({@code spring.grpc.client.channel.registry.target}). The platform's global client interceptor
 * adds this service's own token to every call.
 */
@Configuration(proxyBeanMethods = false)
@ImportGrpcClients(target = "registry", types = RegistryServiceGrpc.RegistryServiceBlockingStub.class)
class RegistryClientConfiguration {
}
