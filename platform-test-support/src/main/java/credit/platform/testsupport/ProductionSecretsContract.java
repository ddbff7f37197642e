package credit.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Every app's start test under the {@code production} profile (docs/deployment.md, "Secrets production
 * reads"): without its secrets the app does not start and the refusal names each one; a repository
 * development value is refused as if unset and named alone, never shown; given its secrets the check
 * passes (the app may still fail to start here for another reason, its database being away, never for a
 * secret). The rule is platform-secrets' {@code ProductionSecretsAutoConfiguration}; this runs the real
 * app's start with its real {@code application.yml}, so it also proves the app applies the rule and
 * names its secrets in {@code credit.production.required-secrets}.
 *
 * <p>A test class per app extends this and says which app, how it starts isolated here and which
 * secrets it must be given:
 * <pre>{@code
 * class ProductionSecretsStartTest extends ProductionSecretsContract {
 *     ProductionSecretsStartTest() {
 *         super(RegistryApplication.class, serviceArgs("registry"),
 *                 Map.of("credit.security.client-secret", "from-the-secret-store-1"));
 *     }
 * }
 * }</pre>
 */
public abstract class ProductionSecretsContract {

    /** The words every refusal starts with. */
    public static final String REFUSAL = "production refuses to start";

    private final Class<?> application;
    private final List<String> isolated;
    private final Map<String, String> secrets;

    /**
     * @param application the app's {@code @SpringBootApplication} class
     * @param isolated    the arguments of a start here: free ports, a database and a realm that answer nothing
     * @param secrets     every property the app must be given in production, with a value as the secret
     *                    store would give it; the refusal names each one that is missing
     */
    protected ProductionSecretsContract(Class<?> application, List<String> isolated, Map<String, String> secrets) {
        this.application = application;
        this.isolated = List.copyOf(isolated);
        this.secrets = new LinkedHashMap<>(secrets);
    }

    /** A service's isolated start: free ports, database {@code database} on a closed port, the realm on another. */
    public static List<String> serviceArgs(String database) {
        return List.of("--server.port=0", "--management.server.port=0", "--spring.grpc.server.port=0",
                "--spring.mongodb.uri=" + unreachableMongo(database), "--credit.security.issuer-uri=" + unreachableRealm());
    }

    /** A MongoDB URI on a closed loopback port, giving up after a fraction of a second. */
    public static String unreachableMongo(String database) {
        return "mongodb://127.0.0.1:" + TestHttp.freePort() + "/" + database
                + "?serverSelectionTimeoutMS=300&connectTimeoutMS=300";
    }

    /** A realm issuer on a closed loopback port. */
    public static String unreachableRealm() {
        return "http://127.0.0.1:" + TestHttp.freePort() + "/realms/credit";
    }

    /**
     * The secret set to a repository development value in {@link #aDevelopmentValueIsRefusedAndNamedAloneNeverShown}:
     * by default the service client's secret and the realm's development value of it.
     */
    protected Map.Entry<String, String> developmentValue() {
        return Map.entry("credit.security.client-secret", "credit-services-secret");
    }

    /** The properties a refusal names when none is given (by default every secret). */
    protected List<String> required() {
        return List.copyOf(secrets.keySet());
    }

    @Test
    void inProductionWithoutItsSecretsTheAppDoesNotStartAndNamesEachOne() {
        Optional<String> refusal = refusal(start(Map.of()));

        assertThat(refusal).as("%s started in production without its secrets", application.getSimpleName())
                .hasValueSatisfying(r -> assertThat(r).contains(required()).doesNotContain("dev-only-"));
    }

    @Test
    void aDevelopmentValueIsRefusedAndNamedAloneNeverShown() {
        Map.Entry<String, String> development = developmentValue();
        Map<String, String> given = new LinkedHashMap<>(secrets);
        given.put(development.getKey(), development.getValue());

        Optional<String> refusal = refusal(start(given));

        assertThat(refusal).as("%s started in production on the development value of %s", application.getSimpleName(),
                development.getKey()).hasValueSatisfying(r -> {
                    assertThat(r).contains(development.getKey()).doesNotContain(development.getValue());
                    for (String other : secrets.keySet()) {
                        if (!other.equals(development.getKey())) {
                            assertThat(r).doesNotContain(other);
                        }
                    }
                    assertThat(r).doesNotContain(secrets.values());
                });
    }

    @Test
    void inProductionGivenItsSecretsTheCheckPasses() {
        Throwable failure = start(secrets);

        // it may still fail for another reason (no database here), never for a secret
        assertThat(refusal(failure)).as("%s", messages(failure)).isEmpty();
    }

    /** Starts the app under the production profile and, if it comes up, stops it again; the failure or null. */
    protected Throwable start(Map<String, String> given) {
        List<String> args = new ArrayList<>();
        args.add("--spring.profiles.active=production");
        args.addAll(isolated);
        given.forEach((name, value) -> args.add("--" + name + "=" + value));
        try (var context = new SpringApplicationBuilder(application).run(args.toArray(String[]::new))) {
            assertThat(context.isActive()).isTrue();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The refusal's message, when the start failed for its secrets. */
    protected static Optional<String> refusal(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains(REFUSAL)) {
                return Optional.of(c.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Every message of the failure's cause chain ("started" when there is none). */
    protected static String messages(Throwable failure) {
        List<String> all = new ArrayList<>();
        for (Throwable c = failure; c != null; c = c.getCause()) {
            all.add(String.valueOf(c.getMessage()));
        }
        return failure == null ? "started" : String.join(" | ", all);
    }
}
