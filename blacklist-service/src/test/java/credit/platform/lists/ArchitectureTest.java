package credit.platform.lists;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house shape (docs/architecture.md, "House shape"): plain-Java domain, adapters apart, no other service's code. */
@AnalyzeClasses(packages = "credit.platform.lists", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainUsesNoFrameworkTypes = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "io.grpc..", "com.google.protobuf..",
                    "credit.lists.v1..", "credit.registry.v1..", "credit.common.v1..", "jakarta.servlet..",
                    "credit.platform.common..");

    @ArchTest
    static final ArchRule domainDoesNotUseAdapters = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..");

    @ArchTest
    static final ArchRule restAdapterDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.grpc..", "..adapter.mongo..",
                    "..adapter.registry..", "..adapter.seed..");

    @ArchTest
    static final ArchRule grpcAdapterDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.grpc..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.rest..", "..adapter.mongo..",
                    "..adapter.registry..", "..adapter.seed..");

    @ArchTest
    static final ArchRule mongoAdapterDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.mongo..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.rest..", "..adapter.grpc..",
                    "..adapter.registry..", "..adapter.seed..");

    @ArchTest
    static final ArchRule registryClientDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.registry..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.rest..", "..adapter.grpc..",
                    "..adapter.mongo..", "..adapter.seed..");

    @ArchTest
    static final ArchRule noOtherServiceCode = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "credit.platform.registry..", "credit.platform.scoring..", "credit.platform.sanctions..",
                    "credit.platform.gateway..");
}
