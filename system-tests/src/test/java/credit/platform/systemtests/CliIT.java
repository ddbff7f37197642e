package credit.platform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import credit.platform.client.IdentifierDto;
import credit.platform.client.PlatformClient;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelDocument;
import credit.platform.launcher.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agency CLI ({@code cli/target/credit.jar}) as its users run it: a separate process, signed in
 * with a realm client, against the running platform. The big import is killed with SIGKILL part-way
 * and resumed; its report names exactly the bad lines, once each, and every good line is in the
 * registry. (Lines: {@code -Dcli.import.lines}, 10 000 by default, 100 000 in the {@code nightly} profile.)
 */
@ExtendWith(PlatformExtension.class)
class CliIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path JAR = RepoRoot.find().resolve("cli/target/credit.jar");
    private static final int LINES = Integer.getInteger("cli.import.lines", 10_000);

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private ProcessBuilder credit(TestPlatform platform, String clientId, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("CREDIT_"));
        env.put("CREDIT_GATEWAY_URL", platform.gatewayUrl());
        env.put("CREDIT_TOKEN_URI", platform.config().tokenUri());
        env.put("CREDIT_HOME", dir.resolve("home-" + clientId).toString());
        if (clientId != null) {
            env.put("CREDIT_CLIENT_ID", clientId);
            env.put("CREDIT_CLIENT_SECRET", clientId + "-secret");
        }
        return pb;
    }

    private Run run(ProcessBuilder pb) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("credit did not finish: " + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void loginSignsInWithClientCredentialsAndSavesAProfileTheOtherCommandsUse(TestPlatform platform) throws Exception {
        Run login = run(credit(platform, "court-demo", "login", "--client-id", "court-demo"));
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("signed in as court-demo (agency SPC)", "lists.write");
        Path profile = dir.resolve("home-court-demo/profile.properties");
        assertThat(profile).exists();
        assertThat(Files.getPosixFilePermissions(profile)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");

        ProcessBuilder wrong = credit(platform, "court-demo", "login", "--no-save");
        wrong.environment().put("CREDIT_CLIENT_SECRET", "not-the-secret");
        Run refused = run(wrong);
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err()).contains("sign-in refused");
    }

    @Test
    void aLargeImportKilledPartWayResumesAndReportsEachBadLineOnce(TestPlatform platform) throws Exception {
        Path file = dir.resolve("people.ndjson");
        Map<Long, String> bad = new HashMap<>();
        List<String> goodIds = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        LocalDate born = LocalDate.of(1961, 1, 1);
        for (long line = 1; line <= LINES; line++) {
            String id = ResidentIds.withCheckCharacter("310104" + born.plusDays(line / 1000).toString().replace("-", "")
                    + String.format("%03d", line % 1000));
            if (line == 7) {
                bad.put(line, "identifiers[0].value");
                text.append("{\"kind\":\"PERSON\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"")
                        .append(id, 0, 17).append(id.charAt(17) == '0' ? '1' : '0').append("\"}],\"name\":\"坏号\"}\n");
            } else if (line == LINES / 2 + 3) {
                bad.put(line, "");
                text.append("this line is not JSON\n");
            } else if (line == LINES) {
                bad.put(line, "identifiers");
                text.append("{\"kind\":\"PERSON\",\"name\":\"无证\"}\n");
            } else {
                goodIds.add(id);
                text.append("{\"kind\":\"PERSON\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"").append(id)
                        .append("\"}],\"name\":\"导入").append(line).append("\"}\n");
            }
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        int chunkLines = LINES / 10;
        Path state = dir.resolve("people.ndjson.credit-import.json");

        long t0 = System.nanoTime();
        Process first = credit(platform, "registrar-demo", "import", "subjects", file.toString(),
                "--chunk-lines", Integer.toString(chunkLines), "--progress", "lines")
                .redirectOutput(dir.resolve("first.out").toFile()).redirectError(dir.resolve("first.err").toFile()).start();
        await("three chunks done").atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> !first.isAlive() || doneChunks(state) >= 3);
        assertThat(first.isAlive()).as("still importing when killed: " + Files.readString(dir.resolve("first.err"))).isTrue();
        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no last save
        int doneWhenKilled = doneChunks(state);
        assertThat(doneWhenKilled).isBetween(3, 9);

        Run resumed = run(credit(platform, "registrar-demo", "import", "subjects", file.toString(), "--progress", "lines"));
        System.out.printf("[cli] import of %d lines, killed after %d of 10 chunks and resumed: %.1f s%n", LINES,
                doneWhenKilled, (System.nanoTime() - t0) / 1e9);
        assertThat(resumed.exit()).as(resumed.err()).isEqualTo(1); // done, with rejected lines
        assertThat(resumed.err()).contains("resuming people.ndjson").contains("100%");
        assertThat(resumed.out()).contains(String.format("%,d", LINES).replace(',', ' ') + " lines", "3 rejected");

        JsonNode saved = JSON.readTree(state.toFile());
        assertThat(saved.path("created").asLong() + saved.path("existing").asLong()).isEqualTo(goodIds.size());
        assertThat(saved.path("rejected").asLong()).isEqualTo(3);

        List<String> report = Files.readAllLines(dir.resolve("people.ndjson.errors.csv"));
        assertThat(report.getFirst()).isEqualTo("line,field,rule,message");
        TreeSet<Long> reported = new TreeSet<>();
        for (String row : report.subList(1, report.size())) {
            reported.add(Long.parseLong(row.substring(0, row.indexOf(','))));
        }
        assertThat(report).hasSize(1 + bad.size()).as("each bad line once, with the file's line number");
        assertThat(reported).containsExactlyElementsOf(new TreeSet<>(bad.keySet()));
        assertThat(report.get(1)).startsWith("7,identifiers[0]").contains("check-character");
        assertThat(String.join("\n", report)).doesNotContain("坏号").doesNotContain("无证"); // never the content

        PlatformClient registrar = platform.clientFor("registrar-demo");
        int killedChunk = doneWhenKilled; // the chunk that was on its way when the process died
        for (String id : List.of(goodIds.getFirst(), goodIds.get(killedChunk * chunkLines + 1), goodIds.getLast())) {
            assertThat(registrar.registry().lookup("RESIDENT_ID", id, "DATA_MAINTENANCE").id()).isNotBlank();
        }
    }

    private static int doneChunks(Path state) {
        try {
            if (!Files.exists(state)) {
                return 0;
            }
            int done = 0;
            for (JsonNode chunk : JSON.readTree(state.toFile()).path("chunks")) {
                if (chunk.path("done").asBoolean()) {
                    done++;
                }
            }
            return done;
        } catch (RuntimeException e) {
            return 0; // read while being replaced
        }
    }

    @Test
    void recordsAreImportedOncePerLineWithTheRejectedOnesReported(TestPlatform platform) throws Exception {
        StringBuilder csv = new StringBuilder("kind,scheme,value,issuingCountry,name,caseNumber,legalGround,facts,effectiveFrom,effectiveUntil,untilDeletionGround\n");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String id = ResidentIds.withCheckCharacter("11010819700" + String.format("%03d", 100 + i) + "5" + String.format("%02d", i));
            ids.add(id);
            String from = i == 4 ? "2026-13-45" : today.toString();
            String caseNumber = i == 9 ? "" : "(2026)京0108执" + i + "号";
            csv.append(String.join(",", "PERSON", "RESIDENT_ID", id, "", "被执行人" + i, caseNumber,
                    "\"有履行能力而拒不履行, 生效法律文书确定义务\"", "CLI import " + i, from, "", "")).append('\n');
        }
        Path file = Files.writeString(dir.resolve("judgments.csv"), csv, StandardCharsets.UTF_8);
        Run first = run(credit(platform, "court-demo", "import", "records", "--list", "spc-dishonest-debtors",
                file.toString(), "--progress", "none"));
        assertThat(first.exit()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).contains("10 recorded, 2 rejected");
        List<String> report = Files.readAllLines(dir.resolve("judgments.csv.errors.csv"));
        assertThat(report.subList(1, report.size())).extracting(r -> r.substring(0, r.indexOf(',')))
                .containsExactly("5", "10"); // the header is line 1
        assertThat(report.get(1)).contains("effectiveFrom,date");
        assertThat(report.get(2)).contains("caseNumber,required");

        Run again = run(credit(platform, "court-demo", "import", "records", "--list", "spc-dishonest-debtors",
                file.toString(), "--restart", "--progress", "none"));
        assertThat(again.exit()).isEqualTo(1);
        PlatformClient court = platform.clientFor("court-demo");
        PlatformClient registrar = platform.clientFor("registrar-demo");
        String subject = registrar.registry().lookup("RESIDENT_ID", ids.getFirst(), "DATA_MAINTENANCE").id();
        assertThat(court.lists().recordsOfSubject(subject, "DATA_MAINTENANCE"))
                .as("the same file sent twice: one record per line (idempotency keys)").hasSize(1);
    }

    @Test
    void aPassengerListIsCheckedInBatchesAndItsReceiptsVerifyOfflineAndFailWhenAltered(TestPlatform platform) throws Exception {
        String debtor = ResidentIds.withCheckCharacter("11010519820304567");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        platform.clientFor("registrar-demo").registry().createSubject(new CreateSubjectRequest("PERSON",
                List.of(new IdentifierDto("RESIDENT_ID", debtor, null)), "赵六", null, null));
        platform.clientFor("court-demo").lists().createRecord("spc-dishonest-debtors", new CreateRecordRequest(
                new SubjectNameDto("PERSON", "RESIDENT_ID", debtor, null, "赵六"), "(2026)京0105执900号",
                "有履行能力而拒不履行生效法律文书确定义务", "System test: CLI check", today, null));
        PlatformClient rail = platform.clientFor("rail-demo");
        TravelCheck probe = TravelCheck.train("probe", TravelDocument.residentId(debtor), "G1", "SECOND_CLASS", today.plusDays(1));
        await("the listing reaches the travel check").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> rail.travel().checkTravel(probe).denied());

        String tomorrow = today.plusDays(1).toString();
        Path passengers = Files.writeString(dir.resolve("G1.csv"), String.join("\n",
                "passengerRef,documentType,documentNumber,documentCountry,mode,trainNumber,seatClass,travelDate",
                "05A," + "RESIDENT_ID," + debtor + ",,RAIL,G1,SECOND_CLASS," + tomorrow,
                "05B,RESIDENT_ID," + ResidentIds.withCheckCharacter("11010519820304568") + ",,RAIL,G1,SECOND_CLASS," + tomorrow,
                "06C,RESIDENT_ID," + debtor + ",,RAIL,K1,HARD_SEAT," + tomorrow,
                "07D,RESIDENT_ID,12345,,RAIL,G1,SECOND_CLASS," + tomorrow,
                "08E,RESIDENT_ID," + debtor + ",,RAIL,G1,SECOND_CLASS,tomorrow") + "\n");
        Path decisions = dir.resolve("G1-decisions.csv");
        Run check = run(credit(platform, "rail-demo", "check", passengers.toString(), "--output", decisions.toString(),
                "--batch-size", "2"));
        assertThat(check.exit()).as(check.err()).isEqualTo(1); // two lines could not be checked
        List<String> rows = Files.readAllLines(decisions);
        assertThat(rows.getFirst()).isEqualTo(String.join(",", List.of("passengerRef", "decision", "reasonCodes", "measures",
                "authorities", "recordRefs", "appeal", "decisionId", "asOfSequence", "receipt", "error")));
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.split(",", 3)[0] + ":" + r.split(",", 3)[1])
                .containsExactly("05A:DENY", "05B:ALLOW", "06C:ALLOW", "07D:ERROR", "08E:ERROR");
        assertThat(rows.get(1)).contains("RAIL_HIGH_SPEED_BAN");
        assertThat(rows.get(4)).contains("document");
        assertThat(check.err()).contains("5 passengers — 2 ALLOW, 1 DENY, 2 not checked");

        Run verify = run(credit(platform, "rail-demo", "verify", "--file", decisions.toString(),
                "--save-keys", dir.resolve("keys.json").toString()));
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out().lines()).hasSize(3).allMatch(l -> l.startsWith("VALID"));
        assertThat(verify.out()).contains("VALID    DENY").contains("passengerRef=05A");

        String receipt = java.util.Arrays.stream(rows.get(1).split(",")).filter(c -> c.startsWith("eyJ") && c.contains("~"))
                .findFirst().orElseThrow(); // a receipt has no comma; the appeal text may
        String[] parts = receipt.split("~");
        String altered = parts[0] + "~" + parts[1].substring(0, 10) + (parts[1].charAt(10) == 'A' ? 'B' : 'A')
                + parts[1].substring(11) + "~" + parts[2];
        ProcessBuilder offline = credit(platform, null, "verify", "--keys", dir.resolve("keys.json").toString(), receipt, altered);
        offline.environment().put("CREDIT_GATEWAY_URL", "http://127.0.0.1:9"); // nothing listens: offline means offline
        Run offlineRun = run(offline);
        assertThat(offlineRun.exit()).isEqualTo(1);
        assertThat(offlineRun.out().lines().toList()).hasSize(2);
        assertThat(offlineRun.out().lines().toList().get(0)).startsWith("VALID    DENY");
        assertThat(offlineRun.out().lines().toList().get(1)).startsWith("INVALID");
    }

    @Test
    void theJarPrintsItsManual(TestPlatform platform) throws Exception {
        Run help = run(credit(platform, null, "--help"));
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: credit", "Exit codes", "import", "verify");
    }
}
