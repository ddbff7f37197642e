package credit.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The manual and the refusals that need no platform: wrong options, no credentials, unreadable files. */
class CreditCliTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine cli = CreditCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        withoutEnvironment(cli); // no credentials from the machine running the test
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private void withoutEnvironment(CommandLine cli) {
        Object command = cli.getCommand();
        for (var field : command.getClass().getDeclaredFields()) {
            if (field.getType() == Connection.class) {
                try {
                    field.setAccessible(true);
                    Connection connection = (Connection) field.get(command);
                    if (connection != null) {
                        connection.env = Map.of("CREDIT_HOME", dir.toString());
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        cli.getSubcommands().values().forEach(this::withoutEnvironment);
    }

    @Test
    void theTopLevelHelpReadsLikeAManualWithCommandsEnvironmentExitCodesAndExamples() {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: credit", "Commands:", "login", "import", "check", "verify",
                "CREDIT_CLIENT_SECRET", "CREDIT_GATEWAY_URL", "Exit codes", "run it again to resume",
                "Examples", "credit import subjects people.ndjson");
    }

    @Test
    void everyCommandHasADescriptionExitCodesAndExamples() {
        for (String[] command : new String[][] {{"login"}, {"import", "subjects"}, {"import", "records"}, {"check"}, {"verify"}}) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Run help = run(args);
            assertThat(help.exit()).as(String.join(" ", command)).isZero();
            assertThat(help.out()).as(String.join(" ", command)).contains("Description:", "Exit codes:", "Examples:",
                    "--gateway", "--client-id");
        }
        assertThat(run("help", "check").out()).contains("passengerRef", "documentNumber", "receipt");
    }

    @Test
    void aWrongOptionIsExitTwoAndNamesTheOption() {
        Run wrong = run("import", "subjects", "--frobnicate", "x.ndjson");
        assertThat(wrong.exit()).isEqualTo(Exit.USAGE);
        assertThat(wrong.err()).contains("--frobnicate");
    }

    @Test
    void aFileThatIsNotThereIsExitTwoBeforeAnythingIsSent() {
        Run missing = run("import", "subjects", dir.resolve("nope.ndjson").toString());
        assertThat(missing.exit()).isEqualTo(Exit.USAGE);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void aFileWhoseFormatCannotBeToldIsExitTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("people.txt"), "{}\n");
        Run run = run("import", "subjects", file.toString());
        assertThat(run.exit()).isEqualTo(Exit.USAGE);
        assertThat(run.err()).contains("--format ndjson|csv");
    }

    @Test
    void withoutCredentialsACommandSaysHowToSignInAndExitsThree() throws Exception {
        Path file = Files.writeString(dir.resolve("people.ndjson"), "{}\n");
        Run run = run("import", "subjects", file.toString(), "--progress", "none");
        assertThat(run.exit()).isEqualTo(Exit.SIGN_IN);
        assertThat(run.err()).contains("credit login");
    }

    @Test
    void aPassengerListWithoutItsHeaderIsExitTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "P1,RESIDENT_ID,110105194912310025,,RAIL,G1,SECOND_CLASS,\n");
        Run run = run("check", file.toString());
        assertThat(run.exit()).isEqualTo(Exit.USAGE);
        assertThat(run.err()).contains("header");
    }

    @Test
    void verifyingWithASavedKeySetNeedsNoSignIn() throws Exception {
        Path keys = Files.writeString(dir.resolve("keys.json"), "{\"keys\":[]}");
        Run run = run("verify", "--keys", keys.toString(), "not-a-receipt");
        assertThat(run.exit()).isEqualTo(Exit.REJECTED);
    }

    @Test
    void theVersionIsPrinted() {
        assertThat(run("--version").out()).startsWith("credit ");
    }
}
