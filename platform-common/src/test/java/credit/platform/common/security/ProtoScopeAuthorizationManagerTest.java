package credit.platform.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import credit.lists.v1.ListsServiceGrpc;
import credit.registry.v1.RegistryServiceGrpc;
import credit.sanctions.v1.TravelCheckServiceGrpc;
import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.health.v1.HealthGrpc;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.grpc.server.security.CallContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class ProtoScopeAuthorizationManagerTest {

    final ProtoScopeAuthorizationManager manager = new ProtoScopeAuthorizationManager();

    @Test
    void callIsGrantedOnlyWithTheScopeItsContractDeclares() {
        assertThat(granted(ListsServiceGrpc.getWatchMethod(), "SCOPE_lists.read", "SCOPE_platform.internal")).isTrue();
        assertThat(granted(ListsServiceGrpc.getWatchMethod(), "SCOPE_travel.check", "SCOPE_platform.internal")).isFalse();
        assertThat(granted(TravelCheckServiceGrpc.getStreamCheckTravelMethod(), "SCOPE_travel.check")).isTrue();
        assertThat(granted(RegistryServiceGrpc.getRegisterSubjectMethod(), "SCOPE_registry.read",
                "SCOPE_platform.internal")).isFalse();
        assertThat(granted(RegistryServiceGrpc.getRegisterSubjectMethod(), "SCOPE_registry.write",
                "SCOPE_platform.internal")).isTrue();
    }

    @Test
    void internalRpcsAreReservedToTheServiceIdentityEvenForAgencyScopesAndTheAdmin() {
        // an agency token carries lists.read / registry.read: not enough for the feeds and bulk reads
        assertThat(granted(ListsServiceGrpc.getSnapshotMethod(), "SCOPE_lists.read")).isFalse();
        assertThat(granted(ListsServiceGrpc.getWatchMethod(), "SCOPE_lists.read")).isFalse();
        assertThat(granted(RegistryServiceGrpc.getBatchResolveIdentifiersMethod(), "SCOPE_registry.read")).isFalse();
        assertThat(granted(RegistryServiceGrpc.getWatchSubjectChangesMethod(), "SCOPE_registry.read")).isFalse();
        assertThat(granted(RegistryServiceGrpc.getRegisterSubjectMethod(), "SCOPE_platform.admin")).isFalse();
        // the internal scope alone is not the data scope either
        assertThat(granted(RegistryServiceGrpc.getGetSubjectMethod(), "SCOPE_platform.internal")).isFalse();
        assertThat(granted(RegistryServiceGrpc.getGetSubjectMethod(), "SCOPE_registry.read",
                "SCOPE_platform.internal")).isTrue();
        assertThat(ProtoScopeAuthorizationManager.serviceOnly(ListsServiceGrpc.getSnapshotMethod())).isTrue();
        assertThat(ProtoScopeAuthorizationManager.serviceOnly(TravelCheckServiceGrpc.getCheckTravelMethod())).isFalse();
    }

    @Test
    void platformAdminMayCallEveryFrontDoorRpc() {
        assertThat(granted(TravelCheckServiceGrpc.getCheckTravelMethod(), "SCOPE_platform.admin")).isTrue();
    }

    @Test
    void anonymousCallerIsDeniedButHealthIsOpen() {
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        anonymous.setAuthenticated(false);
        assertThat(manager.authorize(() -> anonymous, call(ListsServiceGrpc.getGetRecordMethod())).isGranted()).isFalse();
        assertThat(manager.authorize(() -> anonymous, call(HealthGrpc.getCheckMethod())).isGranted()).isTrue();
    }

    @Test
    void rpcWithoutADeclaredScopeIsDenied() {
        MethodDescriptor<Void, Void> undeclared = MethodDescriptor.<Void, Void>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName("credit.something.v1.Thing/DoIt")
                .setRequestMarshaller(ListsServiceGrpc.getGetRecordMethod().getRequestMarshaller() == null ? null : voidMarshaller())
                .setResponseMarshaller(voidMarshaller())
                .build();
        assertThat(granted(undeclared, "SCOPE_platform.admin")).isFalse();
    }

    private boolean granted(MethodDescriptor<?, ?> method, String... authorities) {
        TestingAuthenticationToken auth = new TestingAuthenticationToken("client", "n/a",
                java.util.Arrays.stream(authorities)
                        .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList());
        auth.setAuthenticated(true);
        return manager.authorize(() -> auth, call(method)).isGranted();
    }

    private static CallContext call(MethodDescriptor<?, ?> method) {
        return new CallContext(new Metadata(), Attributes.EMPTY, method);
    }

    private static MethodDescriptor.Marshaller<Void> voidMarshaller() {
        return new MethodDescriptor.Marshaller<>() {
            @Override
            public java.io.InputStream stream(Void value) {
                return java.io.InputStream.nullInputStream();
            }

            @Override
            public Void parse(java.io.InputStream stream) {
                return null;
            }
        };
    }
}
