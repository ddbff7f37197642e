package credit.platform.cli;

import credit.platform.client.FieldError;
import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformProblemException;
import credit.platform.client.lists.CreateRecordRequest;
import credit.platform.client.lists.SubjectNameDto;
import credit.platform.csv.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code credit import records --list LIST FILE}: one record per line, each sent with its own idempotency key. */
@Command(name = "records", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        headerHeading = "%n", header = "Put subjects on a list from an NDJSON or CSV file, one record per line.",
        descriptionHeading = "%nDescription:%n", description = {
                "Sends each line to POST /api/v1/lists/LIST/records with the Idempotency-Key "
                        + "cli-<file digest>-<list>-<line>: the platform creates each record at most once, however "
                        + "often the file is sent. --parallel lines are in flight at once; the gateway's request "
                        + "budget (429) is waited out as it asks.",
                "",
                "@|bold Resumable.|@ Every line up to the last one answered in order is saved in "
                        + "FILE.credit-import.json; the same command carries on from there (lines sent again are "
                        + "answered with the record they created the first time).",
                "",
                "@|bold Error report.|@ Rejected lines go to FILE.errors.csv (line, field, rule, message).",
                "",
                "Formats:",
                "  NDJSON  the REST body of a record, one per line:",
                "          {\"subject\":{\"kind\":\"PERSON\",\"scheme\":\"RESIDENT_ID\",\"value\":\"…\",\"name\":\"…\"},"
                        + "\"caseNumber\":\"…\",\"legalGround\":\"…\",\"facts\":\"…\",\"effectiveFrom\":\"2026-01-15\"}",
                "  CSV     header kind,scheme,value,issuingCountry,name,caseNumber,",
                "          legalGround,facts,effectiveFrom,effectiveUntil,untilDeletionGround",
                "",
                "Needs scope lists.write and the agency that owns LIST (e.g. court-demo for spc-dishonest-debtors)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line recorded", "1:done, some lines rejected (see the error report)",
                "2:wrong options or unreadable file", "3:not signed in, or this client may not write LIST",
                "4:the platform did not answer; run the same command again to resume"},
        footerHeading = "%nExamples:%n", footer = {
                "  credit import records --list spc-dishonest-debtors judgments.ndjson",
                "  credit import records --list spc-dishonest-debtors --parallel 8 big.csv"})
final class ImportRecordsCommand implements Callable<Integer> {

    static final List<String> CSV_HEADER = List.of("kind", "scheme", "value", "issuingCountry", "name", "caseNumber",
            "legalGround", "facts", "effectiveFrom", "effectiveUntil", "untilDeletionGround");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Mixin
    Connection connection;

    @Option(names = "--list", required = true, paramLabel = "LIST", description = "The list, e.g. spc-dishonest-debtors.")
    String list;

    @Parameters(index = "0", paramLabel = "FILE", description = "The NDJSON (.ndjson, .jsonl) or CSV (.csv) file.")
    Path file;

    @Option(names = "--format", paramLabel = "ndjson|csv", description = "The file's format (default: from its extension).")
    String format;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "Lines in flight at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--restart", description = "Forget the saved progress of this file and start from its first line.")
    boolean restart;

    @Option(names = "--progress", paramLabel = "auto|bar|lines|none", defaultValue = "auto",
            description = "How progress is shown on standard error (default: a live bar on a terminal, a line per 10 % otherwise).")
    String progressMode;

    /** What became of one line: recorded (created now or by an earlier run of the same file), rejected, or blank. */
    record Outcome(long line, boolean created, boolean rejected, List<FieldError> errors) {
    }

    @Override
    public Integer call() throws Exception {
        String fmt = ImportSubjectsCommand.format(format, file);
        boolean csv = fmt.equals("csv");
        if (parallel < 1 || parallel > 64) {
            throw new CliException(Exit.USAGE, "--parallel is 1 to 64");
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(Exit.USAGE, "no such file: " + file);
        }
        Path stateFile = file.resolveSibling(file.getFileName() + ".credit-import.json");
        Path errorsFile = file.resolveSibling(file.getFileName() + ".errors.csv");
        String kind = "records:" + list;
        String sha = ImportState.sha256(file);
        ImportState state = restart ? null : ImportState.load(stateFile, kind, sha);
        boolean resumed = state != null;
        if (state == null) {
            state = ImportState.start(kind, sha, 0);
        }
        long total = ImportSubjectsCommand.dataLines(file, csv);
        ImportSubjectsCommand.prepareErrorReport(errorsFile, resumed ? state.errorsBytes() : 0);
        long firstFileLine = csv ? 2 : 1;
        long resumeAfter = state.doneLines(); // file line number
        long alreadyDone = Math.max(0, resumeAfter - (firstFileLine - 1));
        if (resumed && alreadyDone > 0) {
            System.err.printf("credit: resuming %s: %s of %s lines already done%n", file.getFileName(),
                    Progress.grouped(alreadyDone), Progress.grouped(total));
        }
        PlatformClient client = connection.client(ImportSubjectsCommand.PURPOSE);
        client.signIn();
        boolean quiet = progressMode.equals("none");
        Progress progress = new Progress(System.err, "lines", total, alreadyDone,
                ImportSubjectsCommand.showBar(progressMode), System::nanoTime);
        String keyPrefix = "cli-" + sha.substring(0, 16) + "-" + list + "-";

        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "record-import");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
        long created = state.created();
        long existing = state.existing();
        long rejected = state.rejected();
        long doneLine = resumeAfter;
        long lastSave = System.nanoTime();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                OutputStream errors = Files.newOutputStream(errorsFile, StandardOpenOption.APPEND)) {
            Map<String, Integer> columns = null;
            long lineNo = 0;
            if (csv) {
                String header = reader.readLine();
                lineNo = 1;
                columns = csvColumns(header == null ? "" : Csv.withoutBom(header));
            }
            String text;
            while (true) {
                text = reader.readLine();
                if (text != null) {
                    lineNo++;
                    if (lineNo <= resumeAfter || text.isBlank()) {
                        if (lineNo > resumeAfter) {
                            final long n = lineNo;
                            inFlight.add(java.util.concurrent.CompletableFuture.completedFuture(new Outcome(n, false, false, List.of())));
                        }
                        continue;
                    }
                    final long n = lineNo;
                    final String line = lineNo == 1 ? Csv.withoutBom(text) : text;
                    final Map<String, Integer> cols = columns;
                    inFlight.add(pool.submit(() -> send(client, keyPrefix + n, n, line, cols)));
                }
                // commit answers in line order; keep at most 4 × parallel lines in flight
                while (!inFlight.isEmpty() && (text == null || inFlight.size() >= parallel * 4 || inFlight.peek().isDone())) {
                    Outcome o = get(inFlight.poll());
                    if (o.rejected()) {
                        rejected++;
                        for (FieldError e : o.errors()) {
                            errors.write((Csv.line(List.of(o.line(), nz(e.field()), nz(e.rule()), nz(e.message()))) + "\n")
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                    } else if (o.created()) {
                        created++;
                    }
                    doneLine = o.line();
                    if (!quiet) {
                        progress.update(doneLine - (firstFileLine - 1));
                    }
                    if (System.nanoTime() - lastSave > 500_000_000L) {
                        errors.flush();
                        state = state.withLines(doneLine, Files.size(errorsFile), created, existing, rejected);
                        state.save(stateFile);
                        lastSave = System.nanoTime();
                    }
                }
                if (text == null && inFlight.isEmpty()) {
                    break;
                }
            }
            errors.flush();
            state = state.withLines(Math.max(doneLine, lineNo), Files.size(errorsFile), created, existing, rejected);
            state.save(stateFile);
        } finally {
            pool.shutdownNow();
        }
        if (!quiet) {
            progress.finish(total);
        }
        System.out.printf("%s: %s lines on %s — %s recorded, %s rejected%s%n", file.getFileName(),
                Progress.grouped(total), list, Progress.grouped(created),
                Progress.grouped(rejected), rejected > 0 ? " (error report: " + errorsFile + ")" : "");
        return rejected > 0 ? Exit.REJECTED : Exit.OK;
    }

    private Outcome send(PlatformClient client, String key, long line, String text, Map<String, Integer> columns) {
        CreateRecordRequest request;
        try {
            request = columns != null ? fromCsv(text, columns) : fromJson(text);
        } catch (LineException e) {
            return new Outcome(line, false, true, List.of(e.error));
        }
        try {
            // a repeated key is answered with the record it created the first time: "recorded" either way
            Retrying.call("line " + line, () -> client.lists().createRecord(list, request, key));
            return new Outcome(line, true, false, null);
        } catch (PlatformProblemException e) {
            if (e.status() == 400 || e.status() == 409 || e.status() == 422) {
                List<FieldError> errors = e.errors().isEmpty()
                        ? List.of(new FieldError("", e.type() == null ? "" : e.type().replaceAll(".*/", ""), nz(e.detail())))
                        : e.errors();
                return new Outcome(line, false, true, errors);
            }
            if (e.status() == 401 || e.status() == 403 || e.status() == 404) {
                throw new CliException(e.status() == 404 ? Exit.USAGE : Exit.SIGN_IN,
                        "the platform refused line " + line + " (" + e.getMessage() + "): nothing more is sent");
            }
            throw new CliException(Exit.PLATFORM, "line " + line + ": " + e.getMessage());
        }
    }

    static final class LineException extends Exception {
        final FieldError error;

        LineException(String field, String rule, String message) {
            super(message, null, false, false);
            this.error = new FieldError(field, rule, message);
        }
    }

    static CreateRecordRequest fromJson(String text) throws LineException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new LineException("", "json", "the line is not a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new LineException("", "json", "the line is not a JSON object");
        }
        JsonNode s = node.path("subject");
        SubjectNameDto subject = s.isObject() ? new SubjectNameDto(str(s, "kind"), str(s, "scheme"), str(s, "value"),
                str(s, "issuingCountry"), str(s, "name")) : null;
        return new CreateRecordRequest(subject, str(node, "caseNumber"), str(node, "legalGround"), str(node, "facts"),
                date(str(node, "effectiveFrom"), "effectiveFrom"), date(str(node, "effectiveUntil"), "effectiveUntil"),
                node.path("untilDeletionGround").isBoolean() ? node.path("untilDeletionGround").asBoolean() : null);
    }

    static Map<String, Integer> csvColumns(String header) {
        List<String> cells = Csv.split(header);
        Map<String, Integer> columns = new HashMap<>();
        if (cells != null) {
            for (int i = 0; i < cells.size(); i++) {
                columns.put(cells.get(i).strip(), i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String c : CSV_HEADER.subList(0, 9)) {
            if (!columns.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new CliException(Exit.USAGE, "the CSV header lacks " + String.join(", ", missing) + " (expected "
                    + String.join(",", CSV_HEADER) + ")");
        }
        return columns;
    }

    static CreateRecordRequest fromCsv(String text, Map<String, Integer> columns) throws LineException {
        List<String> cells = Csv.split(text);
        if (cells == null) {
            throw new LineException("", "csv", "a quoted cell is not closed");
        }
        java.util.function.Function<String, String> cell = name -> {
            Integer i = columns.get(name);
            return i == null || i >= cells.size() || cells.get(i).isBlank() ? null : cells.get(i).strip();
        };
        String untilDeletion = cell.apply("untilDeletionGround");
        return new CreateRecordRequest(new SubjectNameDto(cell.apply("kind"), cell.apply("scheme"), cell.apply("value"),
                cell.apply("issuingCountry"), cell.apply("name")), cell.apply("caseNumber"), cell.apply("legalGround"),
                cell.apply("facts"), date(cell.apply("effectiveFrom"), "effectiveFrom"),
                date(cell.apply("effectiveUntil"), "effectiveUntil"),
                untilDeletion == null ? null : Boolean.parseBoolean(untilDeletion));
    }

    /** The SDK sends dates typed: a date it cannot read is rejected here, in the platform's words. */
    private static LocalDate date(String raw, String field) throws LineException {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new LineException(field, "date", field + " must be a date written yyyy-MM-dd");
        }
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Outcome get(Future<Outcome> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
