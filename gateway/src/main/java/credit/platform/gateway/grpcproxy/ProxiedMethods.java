package credit.platform.gateway.grpcproxy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import credit.platform.common.security.ProtoScopeAuthorizationManager;
import credit.platform.gateway.traffic.ClientBudgets;
import credit.sanctions.v1.EligibilityServiceGrpc;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;

/**
 * The RPCs the gateway passes through, read from the sanctions contract: every method of every
 * service of {@code credit.sanctions.v1}, as raw bytes, with the scope its {@code required_scope}
 * option names (read by platform-common's {@link ProtoScopeAuthorizationManager}) and the request
 * budget it draws on. Anything else is not found here, so the proxy answers UNIMPLEMENTED.
 */
public final class ProxiedMethods {

    /** The package whose services the proxy passes through; nothing outside it. */
    public static final String PACKAGE = "credit.sanctions.v1.";

    /** The proxied services: every service of the sanctions contract. */
    public static final List<ServiceDescriptor> SERVICES = List.of(
            TravelCheckServiceGrpc.getServiceDescriptor(),
            EligibilityServiceGrpc.getServiceDescriptor());

    /** One proxied RPC: its byte-level descriptor, its scope (empty: denied), its budget. */
    public record ProxiedMethod(MethodDescriptor<byte[], byte[]> bytes, Optional<String> scope, String budget,
            boolean travelCheck) {

        public String fullName() {
            return bytes.getFullMethodName();
        }
    }

    private final Map<String, ProxiedMethod> byName = new LinkedHashMap<>();

    public ProxiedMethods() {
        for (ServiceDescriptor service : SERVICES) {
            if (!service.getName().startsWith(PACKAGE)) {
                throw new IllegalStateException(service.getName() + " is outside " + PACKAGE);
            }
            boolean travel = service.getName().equals(TravelCheckServiceGrpc.SERVICE_NAME);
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                MethodDescriptor<byte[], byte[]> bytes = method.toBuilder(RAW, RAW).build();
                byName.put(method.getFullMethodName(), new ProxiedMethod(bytes,
                        ProtoScopeAuthorizationManager.requiredScope(method),
                        travel ? ClientBudgets.TRAVEL_CHECK : ClientBudgets.DEFAULT, travel));
            }
        }
    }

    public Optional<ProxiedMethod> find(String fullMethodName) {
        return Optional.ofNullable(byName.get(fullMethodName));
    }

    public List<ProxiedMethod> all() {
        return List.copyOf(byName.values());
    }

    /** Passes messages through untouched. */
    static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
}
