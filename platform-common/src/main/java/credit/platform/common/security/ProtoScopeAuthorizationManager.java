package credit.platform.common.security;

import com.google.protobuf.Descriptors.MethodDescriptor;
import credit.common.v1.CommonProto;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.grpc.server.security.CallContext;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Authorizes a gRPC call by the scope its contract declares:
 * {@code option (credit.common.v1.required_scope) = "lists.read";}. An RPC that declares no scope
 * is denied (deny by default); the standard health and reflection services are open. An RPC the
 * contract reserves to the platform's services ({@code option (credit.common.v1.service_only) = true;})
 * also needs {@link Scopes#PLATFORM_INTERNAL}, which only the service client holds and which
 * {@code platform.admin} does not replace.
 */
public final class ProtoScopeAuthorizationManager implements AuthorizationManager<CallContext> {

    private final GatewayRelay relay;

    /** Decides by the contract's scopes alone (no relay required): for tests and tools that enumerate. */
    public ProtoScopeAuthorizationManager() {
        this(null);
    }

    /**
     * Decides by the contract's scopes and, for the RPCs outside callers reach (not {@code service_only}),
     * requires the gateway's relay ({@link GatewayRelay}) unless the caller is the service identity.
     */
    public ProtoScopeAuthorizationManager(GatewayRelay relay) {
        this.relay = relay;
    }

    private static final Set<String> OPEN_SERVICES = Set.of(
            "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection");

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, CallContext call) {
        String service = call.method().getServiceName();
        if (service != null && OPEN_SERVICES.contains(service)) {
            return new AuthorizationDecision(true);
        }
        Optional<String> scope = requiredScope(call.method());
        if (scope.isEmpty()) {
            return new AuthorizationDecision(false);
        }
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        String needed = Scopes.authority(scope.get());
        String admin = Scopes.authority(Scopes.PLATFORM_ADMIN);
        Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        boolean granted = held.contains(needed) || held.contains(admin);
        if (serviceOnly(call.method())) {
            // reserved to the service identity: platform.admin does not stand in for it
            granted = granted && held.contains(Scopes.authority(Scopes.PLATFORM_INTERNAL));
        } else if (granted && relay != null) {
            // an outside caller's RPC: only as relayed by the gateway's front door
            granted = relay.admits(auth, call.headers() == null ? null : call.headers().get(GatewayRelay.METADATA_KEY));
        }
        return new AuthorizationDecision(granted);
    }

    /**
     * Whether the contract reserves an RPC to the platform's own services
     * ({@code option (credit.common.v1.service_only) = true}): the caller also needs
     * {@link Scopes#PLATFORM_INTERNAL}.
     */
    public static boolean serviceOnly(io.grpc.MethodDescriptor<?, ?> method) {
        if (!(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier)) {
            return false;
        }
        return supplier.getMethodDescriptor().getOptions().getExtension(CommonProto.serviceOnly);
    }

    /** The scope an RPC's contract declares, if any. */
    public static Optional<String> requiredScope(io.grpc.MethodDescriptor<?, ?> method) {
        if (!(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier)) {
            return Optional.empty();
        }
        MethodDescriptor descriptor = supplier.getMethodDescriptor();
        String scope = descriptor.getOptions().getExtension(CommonProto.requiredScope);
        return scope.isBlank() ? Optional.empty() : Optional.of(scope);
    }
}
