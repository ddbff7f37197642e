package credit.platform.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The house shape every service's {@code ArchitectureTest} checks (docs/architecture.md, "House shape"),
 * one definition for all of them: a plain-Java domain, adapters apart from each other, no other service's
 * code. Each service names only what is its own (its package, its adapters).
 */
public final class HouseShape {

    /** What no domain package uses: frameworks, wire and storage types, the platform's Spring glue. */
    public static final List<String> NOT_IN_A_DOMAIN = List.of("org.springframework..", "org.bson..", "com.mongodb..",
            "io.grpc..", "com.google.protobuf..", "io.micrometer..", "jakarta.servlet..", "org.yaml..",
            "credit.common.v1..", "credit.registry.v1..", "credit.lists.v1..", "credit.scoring.v1..",
            "credit.sanctions.v1..", "credit.platform.common..");

    /** The services' packages below {@code credit.platform}. */
    public static final List<String> SERVICES = List.of("registry", "lists", "scoring", "sanctions", "gateway");

    private HouseShape() {
    }

    /** No domain class uses a type of {@link #NOT_IN_A_DOMAIN}. */
    public static ArchRule domainUsesNoFrameworkTypes() {
        return noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat()
                .resideInAnyPackage(NOT_IN_A_DOMAIN.toArray(String[]::new));
    }

    /** No domain class uses an adapter. */
    public static ArchRule domainDoesNotUseAdapters() {
        return noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat()
                .resideInAnyPackage("..adapter..");
    }

    /**
     * None of {@code adapters} uses another of them, nor any of {@code alsoApart} (adapters others must
     * not use but that may themselves use the first: a seed that writes through the storage adapter).
     */
    public static ArchRule adaptersDoNotUseEachOther(List<String> adapters, String... alsoApart) {
        ArchRule rule = null;
        for (String adapter : adapters) {
            String[] others = java.util.stream.Stream.concat(adapters.stream().filter(a -> !a.equals(adapter)),
                    Arrays.stream(alsoApart)).toArray(String[]::new);
            ArchRule one = noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat()
                    .resideInAnyPackage(others);
            rule = rule == null ? one : CompositeArchRule.of(rule).and(one);
        }
        return rule;
    }

    /** Nothing uses another service's code ({@code own}: this service's package below credit.platform). */
    public static ArchRule noOtherServiceCode(String own) {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                .filter(s -> !s.equals(own)).map(s -> "credit.platform." + s + "..").toArray(String[]::new));
    }
}
