package credit.platform.cli;

import credit.platform.client.PlatformProblemException;
import credit.platform.client.IdentityProviderUnavailableException;
import credit.platform.client.TokenRequestException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code credit} — the platform for agencies' data teams and ticketing back offices, on the command line.
 * Every command talks to the platform through platform-client (the SDK), as any Java integrator would.
 */
@Command(name = "credit", mixinStandardHelpOptions = true, versionProvider = CreditCli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        headerHeading = "%n", header = "credit — the credit-information platform for agencies, on the command line.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nDescription:%n", description = {
                "Sign in once with your agency's client credentials, then import files, check passenger lists and "
                        + "verify receipts. Large imports show their progress and survive interruptions: run the same "
                        + "command again and it carries on.",
                "",
                "Each command has its own manual: credit help <command> (or credit <command> --help)."},
        commandListHeading = "%nCommands:%n",
        subcommands = {LoginCommand.class, CreditCli.ImportCommand.class, CheckCommand.class, VerifyCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%n", footer = {
                "@|bold Where the platform is, who you are|@ (every command; option or variable):",
                "  --gateway URL             CREDIT_GATEWAY_URL    default http://localhost:8080",
                "  --token-uri URL           CREDIT_TOKEN_URI      default the local Keycloak's",
                "  --client-id ID            CREDIT_CLIENT_ID",
                "  --client-secret-file FILE CREDIT_CLIENT_SECRET",
                "  --profile-dir DIR         CREDIT_HOME           default ~/.credit",
                "An option wins over its variable, a variable over what `credit login` saved",
                "in the profile directory.",
                "",
                "@|bold Exit codes|@ (every command):",
                "  0  done, everything accepted",
                "  1  done, but some lines were rejected or receipts are not valid (see report)",
                "  2  wrong options or unreadable input — nothing was sent",
                "  3  not signed in, sign-in refused, or this client may not do this",
                "  4  the platform refused or did not answer: run it again to resume",
                "",
                "@|bold Examples|@ (the local platform's demo clients; secrets are <client>-secret):",
                "  export CREDIT_CLIENT_SECRET=registrar-demo-secret",
                "  credit login --client-id registrar-demo",
                "  credit import subjects people.ndjson",
                "  CREDIT_CLIENT_ID=court-demo CREDIT_CLIENT_SECRET=court-demo-secret \\",
                "    credit import records --list spc-dishonest-debtors judgments.csv",
                "  CREDIT_CLIENT_ID=rail-demo CREDIT_CLIENT_SECRET=rail-demo-secret \\",
                "    credit check G1-passengers.csv --output G1-decisions.csv",
                "  credit verify --file G1-decisions.csv"})
public final class CreditCli implements Callable<Integer> {

    private CreditCli() {
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return Exit.OK;
    }

    /** {@code credit import subjects|records}. */
    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            headerHeading = "%n", header = "Import a file: subjects into the registry, or records onto a list.",
            descriptionHeading = "%nDescription:%n", description = {
                    "Both show a live progress bar with rate and time left, can be stopped at any moment and resumed "
                            + "by running the same command again, and write every rejected line to FILE.errors.csv."},
            commandListHeading = "%nCommands:%n",
            subcommands = {ImportSubjectsCommand.class, ImportRecordsCommand.class})
    static final class ImportCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return Exit.USAGE;
        }
    }

    /** The platform's version, from the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CreditCli.class.getPackage().getImplementationVersion();
            return new String[] {"credit " + (v == null ? "(development build)" : v)};
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and gives its exit code (what {@link #main} exits with). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CreditCli());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliException c) {
                line.getErr().println("credit: " + c.getMessage());
                return c.exitCode();
            }
            if (e instanceof IdentityProviderUnavailableException u) {
                // the credentials were not refused: the identity provider could not be asked
                line.getErr().println("credit: " + u.getMessage());
                return Exit.PLATFORM;
            }
            if (e instanceof TokenRequestException t) {
                line.getErr().println("credit: sign-in refused: " + t.getMessage());
                return Exit.SIGN_IN;
            }
            if (e instanceof PlatformProblemException p) {
                line.getErr().println("credit: the platform answered " + p.getMessage());
                return p.status() == 401 || p.status() == 403 ? Exit.SIGN_IN : Exit.PLATFORM;
            }
            if (e instanceof feign.RetryableException r) {
                line.getErr().println("credit: the platform cannot be reached: " + r.getMessage());
                return Exit.PLATFORM;
            }
            line.getErr().println("credit: unexpected error: " + e);
            return Exit.PLATFORM;
        });
        cli.setExitCodeExceptionMapper(e -> Exit.USAGE);
        return cli;
    }
}
