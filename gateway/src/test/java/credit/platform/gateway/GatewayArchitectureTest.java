package credit.platform.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import credit.platform.common.grpc.ServiceTokenSource;
import credit.platform.common.security.JwkSetKeys;
import credit.platform.common.security.JwksProperties;
import credit.platform.common.security.JwtCache;
import credit.platform.common.security.PlatformSecurityProperties;

/** The gateway only routes: it knows no service's code, contracts or domain. */
@AnalyzeClasses(packages = "credit.platform.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule gatewayDependsOnNoOtherPlatformModule = noClasses()
            .that().resideInAPackage("credit.platform.gateway..")
            .should().dependOnClassesThat(resideInAPackage("credit..")
                    .and(not(resideInAPackage("credit.platform.gateway..")))
                    .and(not(resideInAPackage("credit.sanctions.v1")))
                    .and(not(resideInAPackage("credit.common.v1")))
                    .and(not(resideInAPackage("credit.platform.common.security")))
                    .and(not(resideInAPackage("credit.platform.identifiers")))
                    .and(not(equivalentTo(ServiceTokenSource.class)))
                    .and(not(equivalentTo(credit.platform.common.grpc.GrpcCallObservations.class))))
            .because("services are reached over the network only; the gateway shares no code with them but the "
                    + "contract it proxies over gRPC (credit.sanctions.v1), platform-common's scope reader, its "
                    + "client-credentials token source and its one observation per gRPC call, and the identifier "
                    + "kernel (one canonical form of an identifier)");

    @ArchTest
    static final ArchRule onlyTheGrpcProxyKnowsTheContract = noClasses()
            .that().resideInAPackage("credit.platform.gateway..")
            .and().resideOutsideOfPackage("credit.platform.gateway.grpcproxy..")
            .should().dependOnClassesThat(resideInAnyPackage("credit.sanctions.v1", "credit.common.v1",
                    "credit.platform.common..")
                    // the access log asks the registry with the gateway's own token
                    .and(not(equivalentTo(ServiceTokenSource.class)))
                    .and(not(equivalentTo(PlatformSecurityProperties.class)))
                    // the token decoder: bounded JWKS fetching and the validated-token cache, shared with the services
                    .and(not(equivalentTo(JwkSetKeys.class)))
                    .and(not(equivalentTo(JwksProperties.class)))
                    .and(not(equivalentTo(JwtCache.class))))
            .because("the REST side routes by path; only the gRPC proxy reads the sanctions contract");

    @ArchTest
    static final ArchRule gatewayIsNotServlet = noClasses()
            .that().resideInAPackage("credit.platform.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..")
            .because("the gateway is reactive (WebFlux)");
}
