package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.launcher.StackConfig;
import credit.platform.testsupport.ApiDescriptionRules;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.yaml.snakeyaml.Yaml;

/**
 * The API description an integrator downloads from the running gateway ({@code GET /openapi.yaml},
 * gathered from the services' generated descriptions): every operation the gateway routes is in it and
 * typed, and a client generated from it with openapi-generator (Java, {@code native} library: only
 * java.net.http and Jackson) — compiled and loaded here, never written by hand — performs a travel check.
 */
@ExtendWith(PlatformExtension.class)
class GeneratedClientIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PACKAGE = "credit.generated.client";

    @Test
    void theGatheredDescriptionHasEveryServicesOperationAndEachIsTyped(TestPlatform platform) throws Exception {
        OpenAPI api = ApiDescriptionRules.parse(complete(platform, "/openapi.json", "application/json"));
        assertThat(ApiDescriptionRules.violations(api)).as("untyped or unscoped operations").isEmpty();
        // the YAML form is the same description
        @SuppressWarnings("unchecked")
        Map<String, Object> yaml = new Yaml().load(get(platform.gatewayUrl() + "/openapi.yaml", "application/yaml"));
        assertThat(((Map<?, ?>) yaml.get("paths")).keySet()).isEqualTo(api.getPaths().keySet());
        // every operation a service offers under /api/ is in the gathered description (the gateway routes
        // all of them), each service contributes, and the gateway's own operations are there too
        Set<String> gathered = operations(api);
        Set<String> missing = new TreeSet<>();
        for (StackConfig.AppConfig app : platform.config().apps()) {
            if (app.name().equals("gateway") || !app.hasGrpc()) {
                continue; // the services only (the portal serves pages, not an API)
            }
            Set<String> own = operations(ApiDescriptionRules.parse(
                    get("http://localhost:" + app.httpPort() + "/v3/api-docs", "application/json")));
            assertThat(own).as("%s documents operations", app.name()).isNotEmpty();
            own.stream().filter(op -> op.contains(" /api/") && !gathered.contains(op))
                    .forEach(op -> missing.add(app.name() + ": " + op));
        }
        assertThat(missing).as("offered by a service, absent from the gateway's /openapi.yaml").isEmpty();
        assertThat(gathered).anyMatch(op -> op.startsWith("GET /api/v1/audit/"));
        assertThat(api.getPaths().values().stream().mapToLong(p -> p.readOperations().size()).sum())
                .as("operations").isGreaterThanOrEqualTo(40);
    }

    @Test
    void aClientGeneratedFromTheDescriptionChecksATraveller(TestPlatform platform, @TempDir Path dir) throws Exception {
        Path spec = dir.resolve("openapi.yaml");
        Files.writeString(spec, complete(platform, "/openapi.yaml", "application/yaml"));
        Path out = dir.resolve("client");
        CodegenConfigurator generator = new CodegenConfigurator()
                .setGeneratorName("java").setLibrary("native")
                .setInputSpec(spec.toString()).setOutputDir(out.toString())
                .setInvokerPackage(PACKAGE).setApiPackage(PACKAGE + ".api").setModelPackage(PACKAGE + ".model")
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false").addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false").addGlobalProperty("modelDocs", "false");
        List<File> files = new DefaultGenerator().opts(generator.toClientOptInput()).generate();
        List<File> sources = files.stream().filter(f -> f.getName().endsWith(".java")).toList();
        assertThat(sources).as("generated sources").isNotEmpty();

        Path classes = dir.resolve("classes");
        compile(sources, classes);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> apiClientType = loader.loadClass(PACKAGE + ".ApiClient");
            Object apiClient = apiClientType.getConstructor().newInstance();
            apiClientType.getMethod("updateBaseUri", String.class).invoke(apiClient, platform.gatewayUrl());
            String token = platform.clientCredentialsToken("airline-demo");
            Consumer<HttpRequest.Builder> bearer = b -> b.header("Authorization", "Bearer " + token);
            apiClientType.getMethod("setRequestInterceptor", Consumer.class).invoke(apiClient, bearer);

            // the model and operation as the description names them: POST /api/v1/travel-checks
            Class<?> requestType = modelEndingWith(loader, out, "TravelCheckRequest");
            Class<?> documentType = modelEndingWith(loader, out, "DocumentDto");
            Object document = documentType.getConstructor().newInstance();
            documentType.getMethod("setScheme", String.class).invoke(document, "RESIDENT_ID");
            documentType.getMethod("setValue", String.class).invoke(document,
                    ResidentIds.withCheckCharacter("44030519900303456"));
            Object request = requestType.getConstructor().newInstance();
            requestType.getMethod("setPassengerRef", String.class).invoke(request, "PNR-GEN-1");
            requestType.getMethod("setMode", String.class).invoke(request, "AIR");
            requestType.getMethod("setServiceClass", String.class).invoke(request, "ECONOMY");
            requestType.getMethod("setTravelDate", String.class).invoke(request,
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString());
            requestType.getMethod("setDocument", documentType).invoke(request, document);

            Method check = operationTaking(loader, out, requestType);
            Object api = check.getDeclaringClass().getConstructor(apiClientType).newInstance(apiClient);
            Object answer = check.invoke(api, request);

            assertThat(answer.getClass().getMethod("getDecision").invoke(answer)).isEqualTo("ALLOW");
            assertThat(answer.getClass().getMethod("getPassengerRef").invoke(answer)).isEqualTo("PNR-GEN-1");
            assertThat((String) answer.getClass().getMethod("getDecisionId").invoke(answer)).isNotBlank();
            assertThat((String) answer.getClass().getMethod("getReceipt").invoke(answer)).as("signed receipt").isNotBlank();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** "METHOD /path" of every operation. */
    private static Set<String> operations(OpenAPI api) {
        Set<String> ops = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(m -> ops.add(m + " " + path)));
        return ops;
    }

    private static Class<?> modelEndingWith(ClassLoader loader, Path out, String suffix) throws Exception {
        List<String> names = classNames(out, PACKAGE + ".model").stream().filter(n -> n.endsWith("." + suffix)
                || n.endsWith(suffix)).toList();
        assertThat(names).as("generated model *%s", suffix).hasSize(1);
        return loader.loadClass(names.getFirst());
    }

    /** The one generated operation whose only parameter is the request model. */
    private static Method operationTaking(ClassLoader loader, Path out, Class<?> requestType) throws Exception {
        List<Method> found = new ArrayList<>();
        for (String name : classNames(out, PACKAGE + ".api")) {
            for (Method m : loader.loadClass(name).getMethods()) {
                if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == requestType
                        && m.getReturnType().getName().startsWith(PACKAGE + ".model")) {
                    found.add(m);
                }
            }
        }
        assertThat(found).as("operations taking %s", requestType.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    private static List<String> classNames(Path out, String pkg) throws IOException {
        Path dir = out.resolve("src/main/java").resolve(pkg.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".java"))
                    .map(f -> pkg + "." + f.substring(0, f.length() - 5)).toList();
        }
    }

    /** Compiles the generated sources against exactly the libraries the native client needs. */
    private static void compile(List<File> sources, Path classes) throws Exception {
        Files.createDirectories(classes);
        List<String> classpath = Stream.of(com.fasterxml.jackson.databind.ObjectMapper.class,
                        com.fasterxml.jackson.annotation.JsonProperty.class, com.fasterxml.jackson.core.JsonParser.class,
                        com.fasterxml.jackson.datatype.jsr310.JavaTimeModule.class, jakarta.annotation.Generated.class)
                .map(c -> {
                    try {
                        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }).distinct().toList();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath", String.join(File.pathSeparator, classpath),
                    "--release", "21", "-nowarn", "-proc:none");
            java.io.StringWriter errors = new java.io.StringWriter();
            boolean ok = javac.getTask(errors, files, null, options, null, files.getJavaFileObjectsFromFiles(sources)).call();
            assertThat(ok).as("the generated client compiles:\n%s", errors).isTrue();
        }
    }

    /**
     * The gathered description once every service has answered the gateway (a service builds its own on
     * the first request, which may outlast the gateway's wait; the gateway then names it in
     * {@code x-unavailable-services} and asks again a few seconds later). Bounded.
     */
    private static String complete(TestPlatform platform, String path, String accept) {
        java.util.concurrent.atomic.AtomicReference<String> body = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await("a complete " + path).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    body.set(get(platform.gatewayUrl() + path, accept));
                    return !body.get().contains("x-unavailable-services");
                });
        return body.get();
    }

    private static String get(String url, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }
}
