package credit.platform.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house shape (docs/architecture.md, "House shape"): plain-Java domain, adapters apart, no other service's code. */
@AnalyzeClasses(packages = "credit.platform.registry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainUsesNoFrameworkTypes = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "io.grpc..", "com.google.protobuf..",
                    "credit.registry.v1..", "credit.common.v1..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule restAdapterDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.grpc..", "..adapter.mongo..");

    @ArchTest
    static final ArchRule grpcAdapterDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.grpc..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.rest..", "..adapter.mongo..");

    @ArchTest
    static final ArchRule mongoAdapterDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.mongo..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.rest..", "..adapter.grpc..");

    @ArchTest
    static final ArchRule noOtherServiceCode = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "credit.platform.lists..", "credit.platform.scoring..", "credit.platform.sanctions..",
                    "credit.platform.gateway..");
}
