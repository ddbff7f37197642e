package credit.platform.benchmarks.stack;

import credit.platform.client.IdentifierDto;
import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import credit.platform.client.PlatformProblemException;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.RecordView;
import credit.platform.client.lists.RemovalRequest;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.client.registry.AddIdentifierRequest;
import credit.platform.client.registry.CreateRelationshipRequest;
import credit.platform.client.registry.CreateSubjectRequest;
import credit.platform.client.registry.EndRelationshipRequest;
import credit.platform.client.registry.RelationshipView;
import credit.platform.client.registry.SubjectView;
import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelCheckBatch;
import credit.platform.client.travel.TravelDecision;
import credit.platform.client.travel.TravelDocument;
import credit.platform.identifiers.SyntheticIdentifiers;
import credit.platform.launcher.PlatformStack;
import credit.platform.launcher.RepoRoot;
import credit.platform.launcher.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The fault drill (issue #12): the real stack (Keycloak, the five apps as processes, the embedded
 * Mongo-protocol server on an H2 file so data survives its restart), agencies writing through the
 * gateway — persons and their listings, passports bound to listed persons, companies with legal
 * representatives, roles ended, records removed — while
 * <ol>
 *   <li>each service in turn (lists, registry, scoring, sanctions, gateway) is killed with SIGKILL and
 *       started again; for each, the time until it is ready and until a new listing is enforced (DENY)
 *       is reported;</li>
 *   <li>MongoDB is stopped for 30 s: writes must answer 503 problem+json, the services' readiness must
 *       be false, and both must recover by themselves;</li>
 *   <li>Keycloak is stopped for 30 s: what writers and new sign-ins get is reported, then recovery.</li>
 * </ol>
 * Afterwards every acknowledged write is checked against the services' own data, and the sanctions
 * decisions for every person are compared with a recomputation from the lists service's own records
 * (checksums); scores stored are compared with scores computed now.
 *
 * <pre>
 * ./mvnw -q -DskipTests install
 * java -cp benchmarks/target/benchmarks.jar credit.platform.benchmarks.stack.FaultDrill [writes=10000] [writers=4]
 * </pre>
 * Report: printed, and written to {@code benchmarks/target/fault-drill-report.md}.
 */
public final class FaultDrill {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String LIST = "spc-dishonest-debtors";
    private static final String PURPOSE = "SUPERVISION";
    private static final List<String> VICTIMS = List.of("blacklist-service", "registry-service", "scoring-service",
            "sanctions-service", "gateway");

    private final StackConfig config;
    private final PlatformStack stack;
    private final int writes;
    private final int writerCount;
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final List<String> report = new CopyOnWriteArrayList<>();
    private final LocalDate today = LocalDate.now(CHINA);

    // The ledger of acknowledged writes.
    private final Map<String, String> persons = new ConcurrentHashMap<>(); // resident ID -> subject id
    private final Map<String, String> records = new ConcurrentHashMap<>(); // record id -> resident ID
    private final Map<String, Boolean> removed = new ConcurrentHashMap<>(); // record id -> removed (ack'd)
    private final Map<String, String> passports = new ConcurrentHashMap<>(); // passport -> subject id
    private final Map<String, String[]> roles = new ConcurrentHashMap<>(); // relationship id -> {company, ended?}

    private FaultDrill(StackConfig config, PlatformStack stack, int writes, int writerCount) {
        this.config = config;
        this.stack = stack;
        this.writes = writes;
        this.writerCount = writerCount;
    }

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path root = RepoRoot.find();
        Path mongoFile = root.resolve(".run/drill/credit.mv");
        Files.deleteIfExists(mongoFile);
        StackConfig config = StackConfig.onTestPorts(root, "drill", mongoFile, root.resolve("benchmarks/target/drill-logs"));
        long t0 = System.nanoTime();
        int exit = 1;
        try (PlatformStack stack = new PlatformStack(config)) {
            stack.start();
            FaultDrill drill = new FaultDrill(config, stack, writes, writers);
            drill.line("# Fault drill — " + writes + " writes, " + writers + " writers, stack started in "
                    + secs(System.nanoTime() - t0));
            drill.run();
            exit = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            // the stack is closed (every process it started stopped) by now; writer threads or HTTP
            // clients still alive after a failure must not keep the JVM running
            System.exit(exit);
        }
    }

    private void run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writerCount);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < writerCount; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(writer)));
        }
        line("");
        line("## Services killed (SIGKILL) and restarted while agencies write");
        line("");
        line("| service | killed at write | ready after restart | new listing enforced (DENY) after restart |");
        line("|---|---:|---:|---:|");
        for (int i = 0; i < VICTIMS.size(); i++) {
            awaitWrites(writes * (i + 1) / (VICTIMS.size() + 3));
            killAndRestart(VICTIMS.get(i));
        }
        awaitWrites(writes * 6 / 8);
        mongoOutage();
        awaitWrites(writes * 7 / 8);
        keycloakOutage();
        for (Future<?> f : writers) {
            f.get();
        }
        pool.shutdown();
        verify();
        Path out = config.repoRoot().resolve("benchmarks/target/fault-drill-report.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        System.out.println("report: " + out);
    }

    // ------------------------------------------------------------------ the writers

    private void write(int writer) {
        PlatformClient registrar = client("registrar-demo");
        PlatformClient court = client("court-demo");
        SplittableRandom random = new SplittableRandom(20261206L + writer);
        while (acknowledged.get() < writes) {
            int op = random.nextInt(100);
            try {
                if (op < 45 || persons.isEmpty()) {
                    String residentId = SyntheticIdentifiers.residentId(random, LocalDate.of(1985, 1, 1));
                    SubjectView person = ack(() -> registerPerson(registrar, residentId));
                    persons.put(residentId, person.id());
                    RecordView record = ack(() -> court.lists().createRecord(LIST, new CreateRecordRequest(
                            new SubjectNameDto("PERSON", "RESIDENT_ID", residentId, null, "演练"),
                            "(2026)京0105执" + writer + "-" + random.nextInt(1_000_000) + "号",
                            "有履行能力而拒不履行生效法律文书确定义务", "fault drill", today, null)));
                    records.put(record.id(), residentId);
                } else if (op < 60) {
                    String subject = any(random, persons.values());
                    String passport = "E" + (10_000_000 + random.nextInt(89_999_999));
                    SubjectView current = retry(() -> registrar.registry().getSubject(subject, PURPOSE));
                    ack(() -> registrar.registry().addIdentifier(subject,
                            new AddIdentifierRequest("PASSPORT", passport, "CHN", current.version())));
                    passports.put(passport, subject);
                } else if (op < 75) {
                    String uscc = SyntheticIdentifiers.uscc(random);
                    SubjectView company = ack(() -> registrar.registry().createSubject(new CreateSubjectRequest(
                            "LEGAL_ENTITY", List.of(new IdentifierDto("USCC", uscc, null)), "演练公司", null, null)));
                    String rep = any(random, persons.values());
                    RelationshipView role = ack(() -> registrar.registry().addRelationship(rep,
                            new CreateRelationshipRequest("LEGAL_REPRESENTATIVE", company.id(), LocalDate.of(2020, 1, 1),
                                    null, null)));
                    roles.put(role.id(), new String[] {company.id(), "open"});
                } else if (op < 85 && !roles.isEmpty()) {
                    String id = any(random, roles.keySet());
                    String[] role = roles.get(id);
                    if (role != null && role[1].equals("open")) {
                        ack(() -> registrar.registry().endRelationship(role[0], id, new EndRelationshipRequest(today)));
                        role[1] = "ended";
                    }
                } else if (!records.isEmpty()) {
                    String id = any(random, records.keySet());
                    if (removed.putIfAbsent(id, Boolean.FALSE) == null) {
                        ack(() -> court.lists().removeRecord(LIST, id, new RemovalRequest("PERFORMED", "paid", null)));
                        removed.put(id, Boolean.TRUE);
                    }
                }
            } catch (PlatformProblemException e) {
                if (e.status() == 409) {
                    continue; // a version or state conflict: another writer changed it first
                }
                throw e;
            }
        }
    }

    private SubjectView registerPerson(PlatformClient registrar, String residentId) {
        try {
            return registrar.registry().createSubject(new CreateSubjectRequest("PERSON",
                    List.of(new IdentifierDto("RESIDENT_ID", residentId, null)), "演练", null, null));
        } catch (PlatformProblemException e) {
            if (e.status() == 409) { // registered by an earlier attempt whose answer was lost
                return registrar.registry().lookup("RESIDENT_ID", residentId, PURPOSE);
            }
            throw e;
        }
    }

    /** Retries a write until it is acknowledged (the platform answers 5xx or is not reachable meanwhile); counts it. */
    private <T> T ack(Supplier<T> call) {
        T result = retry(call);
        acknowledged.incrementAndGet();
        return result;
    }

    /** Retries a read (or a write not to be counted) until it is answered. */
    private <T> T retry(Supplier<T> call) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            try {
                return call.get();
            } catch (PlatformProblemException e) {
                // 0: no answer at all (e.g. the token endpoint down while Keycloak is away)
                if (e.status() != 0 && e.status() < 500 && e.status() != 401 && e.status() != 429) {
                    throw e;
                }
            } catch (RuntimeException e) {
                // connection refused, timeout, token endpoint down: the platform is away
            }
            retries.incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a write was not acknowledged within 5 minutes");
            }
            sleep(200);
        }
    }

    // ------------------------------------------------------------------ the faults

    private void killAndRestart(String app) {
        int at = acknowledged.get();
        stack.kill(app);
        sleep(2_000);
        long restarted = System.nanoTime();
        stack.restart(app);
        long ready = System.nanoTime();
        long enforced = canaryDenied(restarted);
        line("| " + app + " | " + at + " | " + secs(ready - restarted) + " | " + secs(enforced - restarted) + " |");
    }

    /** Lists a new person and waits until the rail check denies them; the instant of the first DENY. */
    private long canaryDenied(long since) {
        PlatformClient registrar = client("registrar-demo");
        PlatformClient court = client("court-demo");
        PlatformClient rail = client("rail-demo");
        String residentId = SyntheticIdentifiers.residentId(new SplittableRandom(since), LocalDate.of(1970, 1, 1));
        retry(() -> registerPerson(registrar, residentId));
        retry(() -> court.lists().createRecord(LIST, new CreateRecordRequest(
                new SubjectNameDto("PERSON", "RESIDENT_ID", residentId, null, "金丝雀"),
                "(2026)京0105执canary" + since + "号", "有履行能力而拒不履行生效法律文书确定义务", "fault drill canary",
                today, null)));
        TravelCheck check = TravelCheck.train("canary", TravelDocument.residentId(residentId), "G1", "SECOND_CLASS",
                today.plusDays(1));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (rail.travel().checkTravel(check).denied()) {
                    return System.nanoTime();
                }
            } catch (RuntimeException e) {
                // sanctions or the gateway still starting
            }
            sleep(100);
        }
        throw new IllegalStateException("the canary was not denied within 3 minutes");
    }

    private void mongoOutage() {
        line("");
        line("## MongoDB stopped for 30 s (H2 file kept)");
        line("");
        PlatformClient registrar = client("registrar-demo");
        int at = acknowledged.get();
        stack.stopMongo();
        long stopped = System.nanoTime();
        Map<String, Integer> writeAnswers = new TreeMap<>();
        Map<String, Integer> readiness = new TreeMap<>();
        while (System.nanoTime() - stopped < Duration.ofSeconds(30).toNanos()) {
            try {
                registrar.registry().createSubject(new CreateSubjectRequest("PERSON", List.of(new IdentifierDto(
                        "RESIDENT_ID", SyntheticIdentifiers.residentId(new SplittableRandom(System.nanoTime()),
                                LocalDate.of(1960, 1, 1)), null)), "停机", null, null));
                writeAnswers.merge("201 (acknowledged)", 1, Integer::sum);
            } catch (PlatformProblemException e) {
                writeAnswers.merge(e.status() + " " + e.type(), 1, Integer::sum);
            } catch (RuntimeException e) {
                writeAnswers.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            }
            for (StackConfig.AppConfig app : config.apps()) {
                readiness.merge(app.name() + " /readyz " + status("http://localhost:" + app.httpPort() + "/readyz"), 1,
                        Integer::sum);
            }
            sleep(1_000);
        }
        stack.restartMongo();
        long restarted = System.nanoTime();
        long allReady = awaitAllReady();
        long enforced = canaryDenied(restarted);
        line("Stopped at write " + at + ". Answers to a registration while it was away: " + writeAnswers + ".");
        line("");
        line("Readiness probes while it was away (answers counted): " + readiness + ".");
        line("");
        line("After the restart: every service ready in " + secs(allReady - restarted) + ", a new listing enforced in "
                + secs(enforced - restarted) + ".");
    }

    private void keycloakOutage() {
        line("");
        line("## Keycloak stopped for 30 s");
        line("");
        int at = acknowledged.get();
        stack.stopKeycloak();
        long stopped = System.nanoTime();
        Map<String, Integer> signIns = new TreeMap<>();
        int before = acknowledged.get();
        while (System.nanoTime() - stopped < Duration.ofSeconds(30).toNanos()) {
            try {
                client("registrar-demo").registry().lookup("RESIDENT_ID", "110105198001010011", PURPOSE);
                signIns.merge("answered", 1, Integer::sum);
            } catch (PlatformProblemException e) {
                signIns.merge(e.status() + " " + e.type(), 1, Integer::sum);
            } catch (RuntimeException e) {
                signIns.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            }
            sleep(1_000);
        }
        int during = acknowledged.get() - before;
        long restarting = System.nanoTime();
        stack.restartKeycloak();
        long up = System.nanoTime();
        long enforced = canaryDenied(up);
        line("Stopped at write " + at + ". Writes acknowledged meanwhile by writers holding a token: " + during
                + ". A new client signing in and reading: " + signIns + ".");
        line("");
        line("Keycloak back in " + secs(up - restarting) + " (realm imported afresh); a new listing enforced "
                + secs(enforced - up) + " after that.");
    }

    private long awaitAllReady() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (config.apps().stream().allMatch(a -> status("http://localhost:" + a.httpPort() + "/readyz") == 200)) {
                return System.nanoTime();
            }
            sleep(200);
        }
        throw new IllegalStateException("not every service became ready within 3 minutes");
    }

    // ------------------------------------------------------------------ verification

    private void verify() throws Exception {
        line("");
        line("## After the faults");
        line("");
        PlatformClient court = client("court-demo");
        PlatformClient registrar = client("registrar-demo");
        PlatformClient rail = client("rail-demo");
        PlatformClient admin = client("platform-admin");
        // 1. Every acknowledged write is in the services' own data.
        int lost = 0;
        for (Map.Entry<String, String> r : records.entrySet()) {
            try {
                RecordView stored = retry(() -> court.lists().getRecord(LIST, r.getKey(), PURPOSE));
                if (Boolean.TRUE.equals(removed.get(r.getKey())) && !stored.status().equals("REMOVED")) {
                    lost++;
                }
            } catch (PlatformProblemException e) {
                lost++;
            }
        }
        for (Map.Entry<String, String> p : passports.entrySet()) {
            try {
                // a passport is named with its issuing country (the identifier kernel refuses one without it)
                SubjectView holder = retry(() -> registrar.registry().lookup("PASSPORT", p.getKey(), "CHN", PURPOSE));
                if (!holder.id().equals(p.getValue())) {
                    lost++;
                }
            } catch (PlatformProblemException e) {
                lost++;
            }
        }
        line("Acknowledged writes: " + acknowledged.get() + " (" + retries.get() + " retries while a service was away); "
                + records.size() + " listings, " + removed.values().stream().filter(b -> b).count() + " removals, "
                + passports.size() + " passports, " + roles.size() + " roles. Acknowledged but missing or not applied: "
                + lost + ".");
        line("");
        // 2. Sanctions' decisions = a recomputation from the lists service's own records.
        Map<String, String> expected = new TreeMap<>();
        for (Map.Entry<String, String> p : persons.entrySet()) {
            List<RecordView> own = retry(() -> court.lists().recordsOfSubject(p.getValue(), PURPOSE));
            boolean inForce = own.stream().anyMatch(r -> r.listId().equals(LIST)
                    && List.of("ACTIVE", "DISPUTED", "EXTENDED").contains(r.status()));
            expected.put(p.getKey(), inForce ? "DENY" : "ALLOW");
        }
        Map<String, String> actual = new TreeMap<>();
        long settled = System.nanoTime();
        List<String> ids = new ArrayList<>(expected.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            List<TravelCheck> checks = chunk.stream().map(id -> TravelCheck.train(id, TravelDocument.residentId(id),
                    "G1", "SECOND_CLASS", today.plusDays(1))).toList();
            List<TravelDecision> decisions = retry(() -> rail.travel().checkBatch(TravelCheckBatch.compact(checks))).results();
            for (int i = 0; i < chunk.size(); i++) {
                actual.put(chunk.get(i), decisions.get(i).denied() ? "DENY" : "ALLOW");
            }
        }
        long mismatches = expected.keySet().stream().filter(k -> !expected.get(k).equals(actual.get(k))).count();
        line("Sanctions: " + expected.size() + " persons; expected (from the lists service's records) checksum "
                + checksum(expected) + ", enforced checksum " + checksum(actual) + "; " + mismatches + " differ ("
                + expected.values().stream().filter("DENY"::equals).count() + " DENY expected). Checked "
                + secs(System.nanoTime() - settled) + " after the last write.");
        line("");
        // 3. Stored scores = scores computed now, for a sample of persons, once scoring has processed
        //    every change of both feeds it follows (comparing earlier measures its backlog, not its
        //    correctness; the run of 5795492 compared at once and found 31 of 300 "different").
        String behind = scoringBacklog();
        List<String> sample = new ArrayList<>(persons.values());
        Collections.shuffle(sample, new java.util.Random(7));
        sample = sample.subList(0, Math.min(300, sample.size()));
        // what the run of 5795492 compared: the stored scores right after the sanctions check (read only)
        Map<String, String> storedEarly = new TreeMap<>();
        for (String subject : sample) {
            var history = retry(() -> admin.scoring().history(subject, "", PURPOSE)).entries();
            storedEarly.put(subject, history.isEmpty() ? "-" : history.getFirst().points() + "/" + history.getFirst().grade());
        }
        long converging = System.nanoTime();
        String caughtUp = awaitScoringCaughtUp();
        line("Scoring when the sanctions check ended: " + behind + "; caught up with both feeds "
                + secs(System.nanoTime() - converging) + " later (" + caughtUp + ").");
        line("");
        Map<String, String> stored = new TreeMap<>();
        Map<String, String> now = new TreeMap<>();
        List<String> explained = new ArrayList<>();
        for (String subject : sample) {
            var history = retry(() -> admin.scoring().history(subject, "", PURPOSE)).entries();
            stored.put(subject, history.isEmpty() ? "-" : history.getFirst().points() + "/" + history.getFirst().grade());
            // computing the score now also stores it when it differs: compared once, and explained here
            var score = retry(() -> admin.scoring().getScore(subject, "", PURPOSE));
            now.put(subject, score.points() + "/" + score.grade());
            if (!stored.get(subject).equals(now.get(subject)) && explained.size() < 10) {
                List<RecordView> own = retry(() -> court.lists().recordsOfSubject(subject, PURPOSE));
                explained.add("- " + subject + ": stored " + stored.get(subject) + (history.isEmpty() ? ""
                        : " at " + history.getFirst().computedAt() + " (" + history.getFirst().cause() + ", from "
                                + history.getFirst().contributions().stream().map(c -> c.sourceRef()).toList() + ")")
                        + "; now " + now.get(subject) + " from "
                        + score.contributions().stream().map(c -> c.sourceRef()).toList() + "; records "
                        + own.stream().map(r -> r.id() + " " + r.status()).toList());
            }
        }
        long scoreMismatches = stored.keySet().stream().filter(k -> !stored.get(k).equals(now.get(k))).count();
        long earlyMismatches = storedEarly.keySet().stream().filter(k -> !storedEarly.get(k).equals(now.get(k))).count();
        line("Scores stored when the sanctions check ended (before scoring caught up): checksum " + checksum(storedEarly)
                + "; " + earlyMismatches + " of " + sample.size() + " differ from the scores computed after it caught up.");
        line("");
        line("Scores: " + sample.size() + " persons sampled; latest stored checksum " + checksum(stored)
                + ", computed now checksum " + checksum(now) + "; " + scoreMismatches + " differ.");
        if (!explained.isEmpty()) {
            line("");
            line("The first that differ:");
            explained.forEach(this::line);
        }
    }

    /** Scoring's position on the lists and registry feeds against each feed's head, from the metrics. */
    private String scoringBacklog() {
        long[] p = scoringPositions();
        return "lists feed " + p[0] + " of " + p[1] + ", registry feed " + p[2] + " of " + p[3];
    }

    /** {scoring's lists position, lists head, scoring's registry position, registry head}; -1 when unread. */
    private long[] scoringPositions() {
        String lists = scrape("blacklist-service");
        String registry = scrape("registry-service");
        String scoring = scrape("scoring-service");
        return new long[] {sample(scoring, "scoring_feed_position", "change_log"), sample(lists, "feed_head", "change_log"),
                sample(scoring, "scoring_feed_position", "subject_changes"), sample(registry, "feed_head", "subject_changes")};
    }

    private String awaitScoringCaughtUp() {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            long[] p = scoringPositions();
            if (p[1] >= 0 && p[0] == p[1] && p[3] >= 0 && p[2] == p[3]) {
                return "lists feed " + p[0] + ", registry feed " + p[2];
            }
            sleep(1_000);
        }
        return "NOT within 10 minutes: " + scoringBacklog();
    }

    private String scrape(String app) {
        StackConfig.AppConfig a = config.apps().stream().filter(x -> x.name().equals(app)).findFirst().orElseThrow();
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + a.managementPort() + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    /** The value of {@code name{...feed="<feed>"...}} in a Prometheus scrape; -1 when absent. */
    private static long sample(String scrape, String name, String feed) {
        for (String l : scrape.split("\n")) {
            if (l.startsWith(name + "{") && l.contains("feed=\"" + feed + "\"")) {
                String v = l.substring(l.lastIndexOf(' ') + 1);
                return v.equals("NaN") ? -1 : (long) Double.parseDouble(v);
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ helpers

    private PlatformClient client(String clientId) {
        return PlatformClients.create(new PlatformClientProperties(config.gatewayUrl(), config.tokenUri(), clientId,
                clientId + "-secret"));
    }

    private void awaitWrites(int n) {
        while (acknowledged.get() < Math.min(n, writes)) {
            sleep(200);
        }
    }

    private static <T> T any(SplittableRandom random, java.util.Collection<T> values) {
        List<T> list = new ArrayList<>(values);
        return list.get(random.nextInt(list.size()));
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static String checksum(Map<String, String> m) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        m.forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private void line(String s) {
        report.add(s);
        System.out.println(s);
    }

    private static String secs(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
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
