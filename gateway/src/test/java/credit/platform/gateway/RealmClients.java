package credit.platform.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients of keycloak/credit-realm.json as the gateway sees them: their platform scopes and
 * agency claim. The matrix tests run every route against every one of them, so a client added to
 * the realm is checked without touching the tests.
 */
final class RealmClients {

    static final Path REALM = Path.of("..", "keycloak", "credit-realm.json");

    /** The platform's scopes (Keycloak client scopes with a dot in their name). */
    record Client(String clientId, Set<String> scopes, String agency) {
        @Override
        public String toString() {
            return clientId;
        }
    }

    private RealmClients() {
    }

    /** Every client that gets tokens by client credentials (service accounts). */
    static List<Client> serviceClients() {
        JsonNode realm = realm();
        List<Client> clients = new ArrayList<>();
        for (JsonNode client : realm.path("clients")) {
            if (!client.path("serviceAccountsEnabled").asBoolean(false)) {
                continue;
            }
            Set<String> scopes = new TreeSet<>();
            client.path("defaultClientScopes").forEach(s -> {
                if (s.asString().contains(".")) {
                    scopes.add(s.asString());
                }
            });
            String agency = null;
            for (JsonNode mapper : client.path("protocolMappers")) {
                if (mapper.path("config").path("claim.name").asString("").equals("agency")) {
                    agency = mapper.path("config").path("claim.value").asString();
                }
            }
            clients.add(new Client(client.path("clientId").asString(), scopes, agency));
        }
        return clients;
    }

    static JsonNode realm() {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(REALM));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + REALM.toAbsolutePath(), e);
        }
    }
}
