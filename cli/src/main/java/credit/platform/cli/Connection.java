package credit.platform.cli;

import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where the platform is and who signs in — the options every command takes. Each value comes from its
 * option, else its environment variable, else the profile {@code credit login} saved, else the local
 * platform's default.
 */
final class Connection {

    static final String DEFAULT_GATEWAY = "http://localhost:8080";
    static final String DEFAULT_TOKEN_URI = "http://localhost:8180/realms/credit/protocol/openid-connect/token";

    @Option(names = "--gateway", paramLabel = "URL", description = {
            "The platform's gateway (env CREDIT_GATEWAY_URL; default " + DEFAULT_GATEWAY + ")."})
    String gateway;

    @Option(names = "--token-uri", paramLabel = "URL", description = {
            "The token endpoint (env CREDIT_TOKEN_URI; default the local Keycloak's)."})
    String tokenUri;

    @Option(names = "--client-id", paramLabel = "ID", description = {
            "Your agency's client id (env CREDIT_CLIENT_ID)."})
    String clientId;

    @Option(names = "--client-secret-file", paramLabel = "FILE", description = {
            "A file holding your client secret (or env CREDIT_CLIENT_SECRET). Never pass a secret as an argument: "
                    + "other users of the machine can read it from the process list."})
    Path clientSecretFile;

    @Option(names = "--profile-dir", paramLabel = "DIR", description = {
            "Where `credit login` keeps your sign-in and the cached receipt keys (env CREDIT_HOME; default ~/.credit)."})
    Path profileDir;

    /** The environment; a field so tests can give their own. */
    Map<String, String> env = System.getenv();

    record Resolved(String gateway, String tokenUri, String clientId, String clientSecret) {
    }

    Path profileDir() {
        if (profileDir != null) {
            return profileDir;
        }
        String home = env.get("CREDIT_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".credit");
    }

    Path profileFile() {
        return profileDir().resolve("profile.properties");
    }

    Resolved resolve() {
        Properties saved = loadProfile();
        String secret = null;
        if (clientSecretFile != null) {
            try {
                secret = Files.readString(clientSecretFile).strip();
            } catch (IOException e) {
                throw new CliException(Exit.USAGE, "cannot read --client-secret-file " + clientSecretFile + ": " + e.getMessage());
            }
        }
        String id = first(clientId, env.get("CREDIT_CLIENT_ID"), saved.getProperty("client-id"), null);
        if (secret == null) {
            secret = first(env.get("CREDIT_CLIENT_SECRET"), null, saved.getProperty("client-secret"), null);
        }
        if (id == null || secret == null) {
            throw new CliException(Exit.SIGN_IN, "not signed in: run `credit login --client-id <id>` (secret from "
                    + "CREDIT_CLIENT_SECRET or --client-secret-file), or set CREDIT_CLIENT_ID and CREDIT_CLIENT_SECRET");
        }
        return new Resolved(first(gateway, env.get("CREDIT_GATEWAY_URL"), saved.getProperty("gateway"), DEFAULT_GATEWAY),
                first(tokenUri, env.get("CREDIT_TOKEN_URI"), saved.getProperty("token-uri"), DEFAULT_TOKEN_URI), id, secret);
    }

    /** The SDK client for these settings; reads of person data state {@code purpose}. */
    PlatformClient client(String purpose) {
        Resolved r = resolve();
        return PlatformClients.create(new PlatformClientProperties(r.gateway(), r.tokenUri(), r.clientId(),
                r.clientSecret(), purpose));
    }

    /** Saves the sign-in so later commands need no options; readable by the owner only. */
    void saveProfile(Resolved r) {
        Properties p = new Properties();
        p.setProperty("gateway", r.gateway());
        p.setProperty("token-uri", r.tokenUri());
        p.setProperty("client-id", r.clientId());
        p.setProperty("client-secret", r.clientSecret());
        Path file = profileFile();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            try (var out = Files.newOutputStream(tmp)) {
                p.store(out, "credit login — the client secret is in this file: keep it to yourself");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the profile " + file, e);
        }
    }

    private Properties loadProfile() {
        Properties p = new Properties();
        Path file = profileFile();
        if (Files.isRegularFile(file)) {
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new CliException(Exit.USAGE, "cannot read the profile " + file + ": " + e.getMessage());
            }
        }
        return p;
    }

    private static String first(String a, String b, String c, String fallback) {
        for (String s : new String[] {a, b, c}) {
            if (s != null && !s.isBlank()) {
                return s.strip();
            }
        }
        return fallback;
    }
}
