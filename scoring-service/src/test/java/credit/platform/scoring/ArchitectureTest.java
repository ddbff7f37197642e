package credit.platform.scoring;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import credit.platform.testsupport.HouseShape;
import java.util.List;

/** The house shape (docs/architecture.md, "House shape"; the rules are platform-test-support's {@link HouseShape}). */
@AnalyzeClasses(packages = "credit.platform.scoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainUsesNoFrameworkTypes = HouseShape.domainUsesNoFrameworkTypes();

    @ArchTest
    static final ArchRule domainDoesNotUseAdapters = HouseShape.domainDoesNotUseAdapters();

    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = HouseShape.adaptersDoNotUseEachOther(List.of("..adapter.rest..", "..adapter.grpc..",
            "..adapter.mongo..", "..adapter.remote..", "..adapter.model.."));

    @ArchTest
    static final ArchRule noOtherServiceCode = HouseShape.noOtherServiceCode("scoring");
}
