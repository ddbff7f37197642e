package credit.platform.gateway;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The gateway only routes: it knows no service's code, contracts or domain. */
@AnalyzeClasses(packages = "credit.platform.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class GatewayArchitectureTest {

    @ArchTest
    static final ArchRule gatewayDependsOnNoOtherPlatformModule = noClasses()
            .that().resideInAPackage("credit.platform.gateway..")
            .should().dependOnClassesThat(resideInAPackage("credit..")
                    .and(not(resideInAPackage("credit.platform.gateway.."))))
            .because("services are reached over HTTP only; the gateway shares no code with them");

    @ArchTest
    static final ArchRule gatewayIsNotServlet = noClasses()
            .that().resideInAPackage("credit.platform.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..")
            .because("the gateway is reactive (WebFlux)");
}
