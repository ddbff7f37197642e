package credit.platform.lists;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.lists.support.ListsServiceTest;
import credit.platform.testsupport.ApiDescriptionRules;
import credit.platform.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/** The lists service's generated API description: typed, every operation scoped, with examples. */
class ApiDescriptionTest extends ListsServiceTest {

    @Test
    void theGeneratedApiDescriptionIsTypedScopedAndHasExamples() {
        TestHttp.Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).as("open, like health").isEqualTo(200);
        ApiDescriptionRules.assertTypedScopedAndExemplified("blacklist-service", docs.body());
    }
}
