package credit.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm's clients and demo users, read from {@code keycloak/credit-realm.json} — the one source of
 * truth for who can sign in locally. The start-up banner prints this list; {@code README.md}'s
 * "Demo clients" table is checked against it ({@code DemoClientsTest}).
 */
public final class DemoClients {

    /** Client scopes every client carries that grant nothing on the platform (token shape only). */
    static final Set<String> PLUMBING_SCOPES = Set.of("basic", "roles", "acr", "credit-platform-audience", "profile",
            "email", "web-origins");

    /**
     * One client of the realm.
     *
     * @param clientId the client id
     * @param name     the realm's name of the client (what it stands for)
     * @param secret   the dev secret of a confidential client; null for a public one
     * @param scopes   the platform scopes its tokens carry (plumbing scopes left out)
     * @param agency   the {@code agency} claim of its tokens, or null
     * @param users    for a public client: the realm's demo users, as {@code username / password}
     */
    public record DemoClient(String clientId, String name, String secret, List<String> scopes, String agency,
            List<String> users) {

        public boolean isPublic() {
            return secret == null;
        }
    }

    private DemoClients() {
    }

    /** Every client of the realm file, in the file's order. */
    public static List<DemoClient> fromRealm(Path realmFile) {
        JsonNode realm;
        try {
            realm = JsonMapper.builder().build().readTree(Files.readString(realmFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + realmFile, e);
        }
        List<String> users = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asString())) {
                    users.add(user.path("username").asString() + " / " + credential.path("value").asString());
                }
            }
        }
        List<DemoClient> clients = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            boolean isPublic = client.path("publicClient").asBoolean(false);
            List<String> scopes = new ArrayList<>();
            for (JsonNode scope : client.path("defaultClientScopes")) {
                if (!PLUMBING_SCOPES.contains(scope.asString())) {
                    scopes.add(scope.asString());
                }
            }
            String agency = null;
            for (JsonNode mapper : client.path("protocolMappers")) {
                if ("agency".equals(mapper.path("config").path("claim.name").asString(""))) {
                    agency = mapper.path("config").path("claim.value").asString(null);
                }
            }
            clients.add(new DemoClient(client.path("clientId").asString(), client.path("name").asString(""),
                    isPublic ? null : client.path("secret").asString(), List.copyOf(scopes), agency,
                    isPublic ? List.copyOf(users) : List.of()));
        }
        return List.copyOf(clients);
    }
}
