package credit.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.client.autoconfigure.PlatformClientAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PlatformClientAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformClientAutoConfiguration.class));

    @Test
    void isRegisteredAsAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(PlatformClientAutoConfiguration.class.getName());
    }

    @Test
    void aClientBeanIsMadeFromTheProperties() {
        try (StubPlatform platform = new StubPlatform()) {
            platform.answerJson("GET", "/api/v1/subjects/sub-1", PlatformClientTest.SUBJECT_JSON);
            runner.withPropertyValues(
                            "credit.platform.client.gateway-url=" + platform.gatewayUrl(),
                            "credit.platform.client.token-uri=" + platform.tokenUri(),
                            "credit.platform.client.client-id=court-demo",
                            "credit.platform.client.client-secret=s3cret",
                            "credit.platform.client.default-purpose=SUPERVISION")
                    .run(context -> {
                        assertThat(context).hasSingleBean(PlatformClient.class);
                        assertThat(context.getBean(PlatformClientProperties.class).clientId()).isEqualTo("court-demo");
                        assertThat(context.getBean(PlatformClient.class).registry().getSubject("sub-1").id())
                                .isEqualTo("sub-1");
                    });
            assertThat(platform.tokenRequestBodies()).singleElement().asString().contains("client_id=court-demo");
            assertThat(platform.calls()).singleElement().extracting(StubPlatform.Call::purpose).isEqualTo("SUPERVISION");
        }
    }

    @Test
    void noClientWithoutAGatewayUrl() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PlatformClient.class));
    }
}
