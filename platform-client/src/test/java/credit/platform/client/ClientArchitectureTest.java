package credit.platform.client;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The SDK is what agencies embed: it speaks HTTP only and carries no platform module with it. */
@AnalyzeClasses(packages = "credit.platform.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherPlatformModule = noClasses()
            .that().resideInAPackage("credit.platform.client..")
            .should().dependOnClassesThat(resideInAPackage("credit..")
                    .and(not(resideInAPackage("credit.platform.client.."))))
            .because("agencies get the REST contract, not the services' code");

    @ArchTest
    static final ArchRule apiPackagesDoNotUseInternals = noClasses()
            .that().resideInAnyPackage("credit.platform.client.registry..", "credit.platform.client.lists..",
                    "credit.platform.client.scoring..", "credit.platform.client.travel..")
            .should().dependOnClassesThat().resideInAnyPackage("credit.platform.client.internal..", "feign..")
            .because("the API interfaces and records are the public surface; Feign is an implementation detail");
}
