package credit.platform.cli;

import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import credit.platform.client.SignedIn;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code credit login}: client credentials checked against the token endpoint, then saved for the other commands. */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        headerHeading = "%n", header = "Sign in with your agency's client credentials.",
        descriptionHeading = "%nDescription:%n", description = {
                "Asks the token endpoint for a token with the client id and secret (OAuth2 client credentials), "
                        + "prints who the platform takes you for — client, scopes, agency — and saves the settings "
                        + "in ~/.credit/profile.properties (readable by you only) so the other commands need no options.",
                "",
                "The secret is read from CREDIT_CLIENT_SECRET, from --client-secret-file, or asked for on the terminal. "
                        + "Tokens are fetched again by themselves when they expire."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:signed in", "2:wrong options", "3:the token endpoint refused the credentials or cannot be reached"},
        footerHeading = "%nExamples:%n", footer = {
                "  credit login --client-id court-demo          # asks for the secret",
                "  CREDIT_CLIENT_SECRET=… credit login --client-id airline-demo \\",
                "      --gateway https://credit.example"})
final class LoginCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--no-save", description = "Only check the credentials; save nothing.")
    boolean noSave;

    @Override
    public Integer call() {
        if (connection.clientId != null && connection.clientSecretFile == null
                && connection.env.get("CREDIT_CLIENT_SECRET") == null && System.console() != null) {
            char[] secret = System.console().readPassword("client secret for %s: ", connection.clientId);
            if (secret != null) {
                connection.env = new java.util.HashMap<>(connection.env);
                connection.env.put("CREDIT_CLIENT_SECRET", new String(secret));
            }
        }
        Connection.Resolved r = connection.resolve();
        SignedIn who = PlatformClients.create(new PlatformClientProperties(r.gateway(), r.tokenUri(), r.clientId(),
                r.clientSecret())).signIn();
        System.out.printf("signed in as %s%s%n  scopes: %s%n  token endpoint: %s%n  gateway: %s%n", who.clientId(),
                who.agency() == null ? "" : " (agency " + who.agency() + ")", String.join(" ", who.scopes()),
                r.tokenUri(), r.gateway());
        if (!noSave) {
            connection.saveProfile(r);
            System.out.println("  saved to " + connection.profileFile() + " (readable by you only)");
        }
        return Exit.OK;
    }
}
