package credit.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ProductionSecretsTest {

    private static final String PORTAL_SECRET = "spring.security.oauth2.client.registration.keycloak.client-secret";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProductionSecretsAutoConfiguration.class))
            // as application.yml lists them (indexed properties)
            .withPropertyValues(ProductionSecretsAutoConfiguration.REQUIRED + "[0]=credit.security.client-secret",
                    ProductionSecretsAutoConfiguration.REQUIRED + "[1]=credit.audit.fingerprint-key");

    /** The portal in production: one secret, named as a plain (comma-separated) value. */
    private final ApplicationContextRunner portal = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProductionSecretsAutoConfiguration.class))
            .withPropertyValues("spring.profiles.active=production",
                    ProductionSecretsAutoConfiguration.REQUIRED + "=" + PORTAL_SECRET);

    @Test
    void productionWithEveryRequiredSecretSetStarts() {
        runner.withPropertyValues("spring.profiles.active=production",
                        "credit.security.client-secret=3c1b8f0e-from-the-store",
                        "credit.audit.fingerprint-key=k9Vq-from-the-store")
                .run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(ProductionSecretsAutoConfiguration.ProductionSecrets.class));
    }

    @Test
    void productionRefusesAnUnsetSecretAndNamesItButNotTheOthersValue() {
        runner.withPropertyValues("spring.profiles.active=production",
                        "credit.audit.fingerprint-key=k9Vq-from-the-store")
                .run(context -> assertThat(context).hasFailed().getFailure().hasMessageContaining("credit.security.client-secret")
                        .message().doesNotContain("k9Vq"));
    }

    @Test
    void productionRefusesTheRepositorysDevelopmentValues() {
        runner.withPropertyValues("spring.profiles.active=production",
                        "credit.security.client-secret=credit-services-secret",
                        "credit.audit.fingerprint-key=k9Vq-from-the-store")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("credit.security.client-secret")
                        .message().doesNotContain("credit-services-secret"));
    }

    @Test
    void productionRefusesThePortalsDevelopmentSecretWhenItIsSetExplicitly() {
        portal.withPropertyValues(PORTAL_SECRET + "=credit-portal-secret")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining(PORTAL_SECRET).message().doesNotContain("credit-portal-secret"));
    }

    @Test
    void productionRefusesASecretWhosePlaceholderNothingSetsAndNamesTheSecret() {
        portal.withPropertyValues(PORTAL_SECRET + "=${CREDIT_TEST_NOTHING_SETS_THIS_SECRET}")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("production refuses to start").hasMessageContaining(PORTAL_SECRET));
    }

    @Test
    void productionRefusesAnyDevOnlyValueEvenWhereNoAppNamesIt() {
        runner.withPropertyValues("spring.profiles.active=production",
                        "credit.security.client-secret=3c1b8f0e-from-the-store",
                        "credit.audit.fingerprint-key=k9Vq-from-the-store",
                        "credit.audit.chain-keys.dev-1=dev-only-audit-chain-key-0000000000000000")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("credit.audit.chain-keys.dev-1"));
    }

    @Test
    void outsideProductionNothingIsChecked() {
        runner.withPropertyValues("credit.security.client-secret=credit-services-secret",
                        "credit.audit.chain-keys.dev-1=dev-only-audit-chain-key-0000000000000000")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(ProductionSecretsAutoConfiguration.ProductionSecrets.class));
    }
}
