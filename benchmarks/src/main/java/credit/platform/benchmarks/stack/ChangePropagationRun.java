package credit.platform.benchmarks.stack;

import credit.platform.client.IdentifierDto;
import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.RecordView;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.AddIdentifierRequest;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.registry.SubjectView;
import credit.platform.client.scoring.ScoreHistoryView;
import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelDocument;
import credit.platform.identifiers.SyntheticIdentifiers;
import credit.platform.launcher.PlatformStack;
import credit.platform.launcher.RepoRoot;
import credit.platform.launcher.StackConfig;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Change propagation on the real stack (issues 5 and 7): Keycloak, the five apps as processes, the
 * embedded Mongo-protocol server, everything through the gateway with real tokens. For each of N
 * fresh persons, the court lists them on {@code spc-dishonest-debtors} and the harness measures
 * <ul>
 *   <li><b>record → DENY</b>: from the lists service's 201 to the first DENY the rail client gets
 *       for a G-train seat (polled every {@code pollMillis}, so the figure includes up to one poll
 *       interval);</li>
 *   <li><b>record → grade</b>: from the record's {@code createdAt} to the {@code computedAt} of the
 *       first score-history entry whose explanation names the record (both stamped by the servers
 *       on this host, no polling bias);</li>
 *   <li><b>passport bound → DENY</b> (issue 11): after the listing, the registrar binds a passport to
 *       the listed person; from the registry's 200 to the first DENY by that passport (polled like the
 *       first).</li>
 * </ul>
 * The first {@code warmup} persons are not counted. One person at a time: this is latency, not load.
 *
 * <pre>
 * ./mvnw -q -DskipTests install   # the apps' exec jars and this module
 * bash benchmarks/run-stack-bench.sh 200      # N persons (default 100)
 * </pre>
 */
public final class ChangePropagationRun {

    private static final String PURPOSE = "SUPERVISION";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private ChangePropagationRun() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long pollMillis = args.length > 2 ? Long.parseLong(args[2]) : 5;
        StackConfig config = StackConfig.forTests(RepoRoot.find());
        long started = System.nanoTime();
        try (PlatformStack stack = new PlatformStack(config)) {
            stack.start();
            System.out.printf("stack started in %.1f s%n", (System.nanoTime() - started) / 1e9);
            run(config, n, warmup, pollMillis);
        }
    }

    private static void run(StackConfig config, int n, int warmup, long pollMillis) {
        PlatformClient registrar = client(config, "registrar-demo");
        PlatformClient court = client(config, "court-demo");
        PlatformClient rail = client(config, "rail-demo");
        PlatformClient admin = client(config, "platform-admin");
        SplittableRandom random = new SplittableRandom(20261126);
        LocalDate today = LocalDate.now(CHINA);
        List<Long> denyMicros = new ArrayList<>();
        List<Long> gradeMicros = new ArrayList<>();
        List<Long> passportMicros = new ArrayList<>();
        int missingGrade = 0;
        for (int i = 0; i < warmup + n; i++) {
            String residentId = SyntheticIdentifiers.residentId(random, LocalDate.of(2000, 1, 1));
            SubjectView subject = registrar.registry().createSubject(new CreateSubjectRequest("PERSON",
                    List.of(new IdentifierDto("RESIDENT_ID", residentId, null)), "测试" + i, null, null));
            RecordView record = court.lists().createRecord("spc-dishonest-debtors", new CreateRecordRequest(
                    new SubjectNameDto("PERSON", "RESIDENT_ID", residentId, null, "测试" + i),
                    "(2026)京0105执" + (10000 + i) + "号", "有履行能力而拒不履行生效法律文书确定义务",
                    "benchmark: change propagation", today, null));
            long created = System.nanoTime();
            TravelCheck seat = TravelCheck.train("P" + i, TravelDocument.residentId(residentId), "G1",
                    "SECOND_CLASS", today.plusDays(1));
            long deadline = created + Duration.ofSeconds(30).toNanos();
            while (!rail.travel().checkTravel(seat).denied()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no DENY within 30 s for person " + i);
                }
                sleep(pollMillis);
            }
            long denied = System.nanoTime();
            String passport = "E" + (10_000_000 + random.nextInt(89_999_999));
            registrar.registry().addIdentifier(subject.id(),
                    new AddIdentifierRequest("PASSPORT", passport, "CHN", subject.version()));
            long bound = System.nanoTime();
            TravelCheck byPassport = TravelCheck.train("Q" + i, TravelDocument.passport("CHN", passport), "G1",
                    "SECOND_CLASS", today.plusDays(1));
            while (!rail.travel().checkTravel(byPassport).denied()) {
                if (System.nanoTime() > bound + Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("no DENY by the bound passport within 30 s for person " + i);
                }
                sleep(pollMillis);
            }
            long passportDenied = System.nanoTime();
            Optional<ScoreHistoryView.Entry> graded = Optional.empty();
            while (graded.isEmpty() && System.nanoTime() < denied + Duration.ofSeconds(30).toNanos()) {
                graded = admin.scoring().history(record.subjectId(), "", PURPOSE).entries().stream()
                        .filter(e -> e.contributions().stream().anyMatch(c -> c.sourceRef() != null
                                && c.sourceRef().contains(record.id())))
                        .min((a, b) -> a.computedAt().compareTo(b.computedAt()));
                if (graded.isEmpty()) {
                    sleep(20);
                }
            }
            if (i < warmup) {
                continue;
            }
            denyMicros.add((denied - created) / 1_000);
            passportMicros.add((passportDenied - bound) / 1_000);
            if (graded.isPresent()) {
                gradeMicros.add(Duration.between(record.createdAt(), graded.get().computedAt()).toNanos() / 1_000);
            } else {
                missingGrade++;
            }
        }
        report("record -> DENY at the travel check (client-measured, poll " + pollMillis + " ms)", denyMicros);
        report("record -> score history entry naming it (server stamps)", gradeMicros);
        report("passport bound after the listing -> DENY by passport (client-measured, poll " + pollMillis + " ms)",
                passportMicros);
        if (missingGrade > 0) {
            System.out.println("persons without a graded history entry within 30 s: " + missingGrade);
        }
    }

    private static void report(String what, List<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf("%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms mean=%.1f ms%n", what,
                sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e3,
                Arrays.stream(sorted).average().orElse(0) / 1e3);
    }

    private static double pct(long[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))] / 1e3;
    }

    private static PlatformClient client(StackConfig config, String clientId) {
        return PlatformClients.create(new PlatformClientProperties(config.gatewayUrl(), config.tokenUri(),
                clientId, clientId + "-secret"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
