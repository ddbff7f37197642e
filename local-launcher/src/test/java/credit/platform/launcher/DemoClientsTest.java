package credit.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.launcher.DemoClients.DemoClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One list of demo clients: the realm file is the source, the banner prints it, and the README's
 * "Demo clients" table must say exactly the same (a client added to the realm without its README row
 * fails here).
 */
class DemoClientsTest {

    private static final Path ROOT = RepoRoot.find();
    private static final List<DemoClient> REALM = DemoClients.fromRealm(ROOT.resolve("keycloak/credit-realm.json"));
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    @Test
    void theRealmsClientsAreReadWithTheirPlatformScopesAgencyAndSecret() {
        assertThat(REALM).extracting(DemoClient::clientId).contains("airline-demo", "court-demo", "platform-admin",
                "credit-web");
        DemoClient court = REALM.stream().filter(c -> c.clientId().equals("court-demo")).findFirst().orElseThrow();
        assertThat(court.secret()).isEqualTo("court-demo-secret");
        assertThat(court.scopes()).containsExactly("lists.read", "lists.write", "registry.read");
        assertThat(court.agency()).isEqualTo("SPC");
        DemoClient web = REALM.stream().filter(c -> c.clientId().equals("credit-web")).findFirst().orElseThrow();
        assertThat(web.isPublic()).isTrue();
        assertThat(web.users()).contains("citizen-demo / citizen-demo-password");
        assertThat(REALM).allSatisfy(c -> assertThat(c.scopes()).doesNotContainAnyElementsOf(DemoClients.PLUMBING_SCOPES));
    }

    @Test
    void theReadmeListsExactlyTheRealmsClientsInTheSameOrder() throws IOException {
        List<DemoClient> readme = readmeTable(Files.readString(ROOT.resolve("README.md")));
        assertThat(readme)
                .as("README.md's 'Demo clients' table must equal keycloak/credit-realm.json's clients (id, name, "
                        + "secret, scopes, agency, demo users) in the realm's order; the banner prints the realm")
                .containsExactlyElementsOf(REALM);
    }

    @Test
    void theBannerPrintsEveryClientOfTheRealmWithItsSecretAndTheMovedPorts() {
        StackConfig moved = StackConfig.local(ROOT, 500);
        String banner = LocalPlatform.banner(moved, false, 42);
        for (DemoClient client : REALM) {
            assertThat(banner).contains(client.clientId());
            if (!client.isPublic()) {
                assertThat(banner).contains(client.secret()).contains(String.join(" ", client.scopes()));
            } else {
                client.users().forEach(u -> assertThat(banner).contains(u));
            }
        }
        assertThat(banner).contains("http://localhost:8580/api/v1/").contains("http://localhost:8680/realms/credit")
                .doesNotContain("localhost:8080").doesNotContain("localhost:8180");
    }

    /** The rows of the table under the "### Demo clients" heading, as the realm would describe them. */
    static List<DemoClient> readmeTable(String readme) {
        int start = readme.indexOf("### Demo clients");
        assertThat(start).as("README.md has a '### Demo clients' section").isGreaterThanOrEqualTo(0);
        List<DemoClient> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : readme.substring(start).lines().skip(1).toList()) {
            if (line.startsWith("|")) {
                inTable = true;
                String[] cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|", -1))
                        .map(String::strip).toArray(String[]::new);
                if (cells[0].equals("client id") || cells[0].startsWith("---")) {
                    continue;
                }
                rows.add(row(cells));
            } else if (inTable || line.startsWith("#")) {
                break;
            }
        }
        return rows;
    }

    private static DemoClient row(String[] cells) {
        assertThat(cells).as("columns: client id | secret | scopes | agency | what it is").hasSize(5);
        String id = ticked(cells[0]).getFirst();
        boolean isPublic = cells[0].contains("(public)");
        List<String> users = new ArrayList<>();
        if (isPublic) {
            List<String> t = ticked(cells[2]);
            for (int i = 0; i + 1 < t.size(); i += 2) {
                users.add(t.get(i) + " / " + t.get(i + 1));
            }
        }
        return new DemoClient(id, cells[4], isPublic ? null : ticked(cells[1]).getFirst(),
                isPublic ? List.of() : ticked(cells[2]), dashIsNull(cells[3]), List.copyOf(users));
    }

    private static String dashIsNull(String cell) {
        List<String> t = ticked(cell);
        return t.isEmpty() ? null : t.getFirst();
    }

    private static List<String> ticked(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = TICKED.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
