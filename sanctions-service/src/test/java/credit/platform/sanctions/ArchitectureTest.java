package credit.platform.sanctions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house shape (docs/architecture.md, "House shape"): plain-Java domain, adapters apart, no other service's code. */
@AnalyzeClasses(packages = "credit.platform.sanctions", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] ADAPTERS = {"..adapter.rest..", "..adapter.grpc..", "..adapter.mongo..",
            "..adapter.remote..", "..adapter.metrics..", "..adapter.receipt..", "..adapter.catalogue..",
            "..adapter.observability.."};

    @ArchTest
    static final ArchRule domainUsesNoFrameworkTypes = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "io.grpc..", "com.google.protobuf..",
                    "io.micrometer..", "credit.registry.v1..", "credit.lists.v1..", "credit.scoring.v1..", "credit.sanctions.v1..",
                    "credit.common.v1..", "credit.platform.common..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = adapterRule();

    private static ArchRule adapterRule() {
        ArchRule rule = null;
        for (String adapter : ADAPTERS) {
            String[] others = java.util.Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter)).toArray(String[]::new);
            ArchRule one = noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat()
                    .resideInAnyPackage(others);
            rule = rule == null ? one : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(one);
        }
        return rule;
    }

    @ArchTest
    static final ArchRule noOtherServiceCode = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "credit.platform.lists..", "credit.platform.registry..", "credit.platform.scoring..",
                    "credit.platform.gateway..");
}
