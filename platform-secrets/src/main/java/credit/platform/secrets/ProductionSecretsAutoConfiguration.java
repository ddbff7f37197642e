package credit.platform.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Production refuses to start without its secrets (docs/deployment.md, "Secrets production reads").
 * Under the {@code production} profile the app does not start while
 * <ul>
 *   <li>a secret it names in {@code credit.production.required-secrets} is unset, blank or one of the
 *       repository's development values ({@link #DEVELOPMENT_VALUES}), or</li>
 *   <li>any property still holds a {@code dev-only-…} value.</li>
 * </ul>
 * The message names the properties, never their values. Outside production nothing is checked: the
 * development values live in each {@code application.yml}'s {@code !production} document.
 *
 * <p>One rule for every app: the services apply it through platform-common (which depends on this
 * module), the portal, which does not use platform-common, directly.
 */
@AutoConfiguration
@Profile("production")
public class ProductionSecretsAutoConfiguration {

    /** Property listing the secrets an app reads. */
    public static final String REQUIRED = "credit.production.required-secrets";

    /** Values that appear in the repository (realm, application.yml, dev overlay); never secrets. */
    public static final Set<String> DEVELOPMENT_VALUES = Set.of("credit-services-secret", "credit-portal-secret");

    static final String DEV_PREFIX = "dev-only-";

    /** Runs before any bean is created, so no other component fails first on a missing secret. */
    @Bean
    static ProductionSecrets productionSecrets() {
        return new ProductionSecrets();
    }

    /** The properties that stop a production start, sorted; empty when none. */
    static List<String> refused(ConfigurableEnvironment environment) {
        Set<String> refused = new TreeSet<>();
        // a YAML list or a comma-separated value, bound as configuration properties are
        List<String> required = Binder.get(environment).bind(REQUIRED, Bindable.listOf(String.class)).orElse(List.of());
        for (String name : required) {
            String value = valueOf(environment, name.trim());
            if (value == null || value.isBlank() || DEVELOPMENT_VALUES.contains(value) || value.startsWith(DEV_PREFIX)) {
                refused.add(name.trim());
            }
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Object raw = enumerable.getProperty(name);
                    if (raw != null && String.valueOf(raw).startsWith(DEV_PREFIX)) {
                        refused.add(name);
                    }
                }
            }
        }
        return new ArrayList<>(refused);
    }

    /**
     * The resolved value, or null when unset or when it names a placeholder nothing sets (the portal's
     * {@code ${CREDIT_PORTAL_CLIENT_SECRET}} without a default in production): unset either way.
     */
    private static String valueOf(ConfigurableEnvironment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }

    /** The check, as a bean-factory post-processor: it fails the start before any bean exists. */
    public static final class ProductionSecrets implements BeanFactoryPostProcessor, EnvironmentAware {

        private ConfigurableEnvironment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = (ConfigurableEnvironment) environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            List<String> refused = refused(environment);
            if (!refused.isEmpty()) {
                throw new IllegalStateException("production refuses to start: these secrets are unset or hold "
                        + "development values: " + String.join(", ", refused)
                        + " (set them from the secret store; docs/deployment.md lists them)");
            }
        }
    }
}
