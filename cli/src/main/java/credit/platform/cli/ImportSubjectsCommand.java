package credit.platform.cli;

import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformProblemException;
import credit.platform.client.registry.ImportErrorPage;
import credit.platform.client.registry.ImportSummary;
import credit.platform.csv.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code credit import subjects FILE}: the registry's bulk import, in resumable chunks. */
@Command(name = "subjects", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        headerHeading = "%n", header = "Register subjects (people, companies) from an NDJSON or CSV file.",
        descriptionHeading = "%nDescription:%n", description = {
                "Sends FILE to the registry's bulk import (POST /api/v1/subjects/imports) in chunks of "
                        + "--chunk-lines lines, with a live progress bar, rate and time left.",
                "",
                "@|bold Resumable.|@ After every chunk, what is done is saved in FILE.credit-import.json. Stopped "
                        + "for any reason (Ctrl-C, a crash, the platform down), the same command carries on from the "
                        + "first chunk not done; the chunk that was on its way is sent again, which is harmless: "
                        + "the import is idempotent (a subject already registered is counted as existing).",
                "",
                "@|bold Error report.|@ Every rejected line goes to FILE.errors.csv: line (of FILE), field, rule, "
                        + "message — never the line's content.",
                "",
                "Formats (the registry README has every field):",
                "  NDJSON  one JSON object per line; \"record\" is subject (default), relationship or permit, e.g.",
                "          {\"kind\":\"PERSON\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"11010519491231002X\"}],\"name\":\"张三\"}",
                "  CSV     subjects only, header line",
                "          kind,scheme,value,issuingCountry,name,latinName,registrationRegion",
                "",
                "Needs a client with scope registry.write (e.g. registrar-demo)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line imported", "1:done, some lines rejected (see the error report)",
                "2:wrong options or unreadable file", "3:not signed in / sign-in refused",
                "4:the platform refused or did not answer; run the same command again to resume"},
        footerHeading = "%nExamples:%n", footer = {
                "  credit import subjects people.ndjson",
                "  credit import subjects --chunk-lines 20000 companies.csv",
                "  credit import subjects --restart people.ndjson   # forget progress, send all"})
final class ImportSubjectsCommand implements Callable<Integer> {

    static final String PURPOSE = "DATA_MAINTENANCE";

    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "FILE", description = "The NDJSON (.ndjson, .jsonl) or CSV (.csv) file.")
    Path file;

    @Option(names = "--format", paramLabel = "ndjson|csv", description = "The file's format (default: from its extension).")
    String format;

    @Option(names = "--chunk-lines", paramLabel = "N", defaultValue = "5000",
            description = "Lines per upload (default ${DEFAULT-VALUE}): what is sent again after an interruption.")
    int chunkLines;

    @Option(names = "--restart", description = "Forget the saved progress of this file and start from its first line.")
    boolean restart;

    @Option(names = "--progress", paramLabel = "auto|bar|lines|none", defaultValue = "auto",
            description = "How progress is shown on standard error (default: a live bar on a terminal, a line per 10 % otherwise).")
    String progressMode;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        String fmt = format(format, file);
        if (chunkLines < 1 || chunkLines > 1_000_000) {
            throw new CliException(Exit.USAGE, "--chunk-lines is 1 to 1 000 000");
        }
        if (!Files.isRegularFile(file)) {
            throw new CliException(Exit.USAGE, "no such file: " + file);
        }
        Path stateFile = file.resolveSibling(file.getFileName() + ".credit-import.json");
        Path errorsFile = file.resolveSibling(file.getFileName() + ".errors.csv");
        String sha = ImportState.sha256(file);
        ImportState state = restart ? null : ImportState.load(stateFile, "subjects", sha);
        if (state != null && state.chunkLines() != chunkLines) {
            System.err.println("credit: resuming with the chunk size of the interrupted run (" + state.chunkLines() + " lines)");
        }
        boolean resumed = state != null;
        if (state == null) {
            state = ImportState.start("subjects", sha, chunkLines);
        }
        int chunk = state.chunkLines();
        boolean csv = fmt.equals("csv");
        long total = dataLines(file, csv);
        int chunks = (int) ((total + chunk - 1) / chunk);
        long alreadyDone = state.chunks().values().stream().filter(ImportState.Chunk::done).mapToLong(ImportState.Chunk::lines).sum();

        prepareErrorReport(errorsFile, resumed ? state.errorsBytes() : 0);
        state = state.withLines(state.doneLines(), Files.size(errorsFile), state.created(), state.existing(), state.rejected());
        state.save(stateFile);
        if (resumed && alreadyDone > 0) {
            System.err.printf("credit: resuming %s: %s of %s lines already done%n", file.getFileName(),
                    Progress.grouped(alreadyDone), Progress.grouped(total));
        }

        PlatformClient client = connection.client(PURPOSE);
        client.signIn();
        Progress progress = new Progress(System.err, "lines", total, alreadyDone, showBar(progressMode), System::nanoTime);
        boolean quiet = progressMode.equals("none");
        AtomicLong done = new AtomicLong(alreadyDone);
        AtomicLong inFlight = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        String[] current = {null};
        ticker.scheduleWithFixedDelay(() -> {
            String id = current[0];
            if (id != null) {
                try {
                    inFlight.set(client.registry().importStatus(id, PURPOSE).lines());
                } catch (RuntimeException notYetOrGone) {
                    // the import has not started on the server yet, or the poll was refused: keep the last count
                }
            }
            if (!quiet) {
                progress.update(done.get() + inFlight.get());
            }
        }, 0, 500, TimeUnit.MILLISECONDS);

        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = csv ? Csv.withoutBom(nullToEmpty(reader.readLine())) : null;
            long firstFileLine = csv ? 2 : 1;
            for (int k = 0; k < chunks; k++) {
                ImportState.Chunk saved = state.chunks().get(k);
                long startLine = firstFileLine + (long) k * chunk;
                long lines = Math.min(chunk, total - (long) k * chunk);
                StringBuilder body = new StringBuilder(header == null ? "" : header + "\n");
                for (long i = 0; i < lines; i++) {
                    String line = reader.readLine();
                    if (k == 0 && i == 0 && !csv && line != null) {
                        line = Csv.withoutBom(line);
                    }
                    body.append(line == null ? "" : line).append('\n');
                }
                if (saved != null && saved.done()) {
                    continue;
                }
                byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                int attempts = saved == null ? 0 : saved.attempts();
                ImportSummary summary = null;
                while (summary == null) {
                    attempts++;
                    if (attempts > 8) {
                        throw new CliException(Exit.PLATFORM, "chunk " + (k + 1) + " of " + chunks + " failed 8 times; "
                                + "run the same command again to resume");
                    }
                    state = state.withChunk(k, new ImportState.Chunk(attempts, false, lines, 0, 0, 0), Files.size(errorsFile));
                    state.save(stateFile);
                    String importId = state.runId() + "-c" + k + "-a" + attempts;
                    current[0] = importId;
                    inFlight.set(0);
                    try {
                        ImportSummary s = client.registry().importFile(fmt, importId, csv ? "text/csv" : "application/x-ndjson", bytes);
                        if ("COMPLETED".equals(s.status())) {
                            summary = s;
                        } else {
                            pause(Duration.ofSeconds(Math.min(30, 1L << Math.min(attempts, 5))));
                        }
                    } catch (PlatformProblemException e) {
                        if (e.status() == 429 || e.status() >= 500) {
                            pause(e.retryAfter().orElse(Duration.ofSeconds(Math.min(30, 1L << Math.min(attempts, 5)))));
                        } else {
                            throw new CliException(e.status() == 401 || e.status() == 403 ? Exit.SIGN_IN : Exit.PLATFORM,
                                    "the platform refused chunk " + (k + 1) + ": " + e.getMessage());
                        }
                    } catch (feign.RetryableException e) {
                        pause(Duration.ofSeconds(Math.min(30, 1L << Math.min(attempts, 5))));
                    }
                }
                current[0] = null;
                if (summary.rejected() > 0) {
                    writeErrors(client, summary.id(), errorsFile, csv, startLine);
                }
                state = state.withChunk(k, new ImportState.Chunk(attempts, true, lines, summary.created(), summary.existing(),
                        summary.rejected()), Files.size(errorsFile));
                state.save(stateFile);
                inFlight.set(0);
                done.addAndGet(lines);
            }
        } finally {
            ticker.shutdownNow();
        }
        if (!quiet) {
            progress.finish(done.get());
        }
        out.printf("%s: %s lines — %s created, %s already there, %s rejected%s%n", file.getFileName(),
                Progress.grouped(total), Progress.grouped(state.created()), Progress.grouped(state.existing()),
                Progress.grouped(state.rejected()), state.rejected() > 0 ? " (error report: " + errorsFile + ")" : "");
        return state.rejected() > 0 ? Exit.REJECTED : Exit.OK;
    }

    static String format(String option, Path file) {
        String f = option != null ? option.strip().toLowerCase() : file.getFileName().toString().toLowerCase()
                .replaceAll("^.*\\.(ndjson|jsonl|csv)$", "$1");
        return switch (f) {
            case "ndjson", "jsonl" -> "ndjson";
            case "csv" -> "csv";
            default -> throw new CliException(Exit.USAGE, "cannot tell the format of " + file.getFileName()
                    + ": name it .ndjson or .csv, or say --format ndjson|csv");
        };
    }

    static boolean showBar(String mode) {
        return switch (mode) {
            case "bar" -> true;
            case "lines", "none" -> false;
            case "auto" -> Progress.stderrIsATerminal();
            default -> throw new CliException(Exit.USAGE, "--progress is auto, bar, lines or none");
        };
    }

    /** Data lines of the file (a CSV's header not counted); a last line without a newline counts. */
    static long dataLines(Path file, boolean csv) throws IOException {
        long n = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (reader.readLine() != null) {
                n++;
            }
        }
        return csv ? Math.max(0, n - 1) : n;
    }

    /** A fresh report with its header, or the report of the interrupted run cut back to its last saved length. */
    static void prepareErrorReport(Path errors, long keepBytes) throws IOException {
        if (keepBytes > 0 && Files.isRegularFile(errors) && Files.size(errors) >= keepBytes) {
            try (FileChannel ch = FileChannel.open(errors, StandardOpenOption.WRITE)) {
                ch.truncate(keepBytes);
            }
            return;
        }
        Files.writeString(errors, "line,field,rule,message\n", StandardCharsets.UTF_8);
    }

    /** Appends a chunk's rejected lines to the report, as lines of the whole file. */
    private static void writeErrors(PlatformClient client, String importId, Path errorsFile, boolean csv, long startLine) {
        try (OutputStream out = Files.newOutputStream(errorsFile, StandardOpenOption.APPEND)) {
            long after = 0;
            while (true) {
                long from = after;
                ImportErrorPage page = Retrying.call("error report", () -> client.registry().importErrors(importId, from, PURPOSE));
                for (ImportErrorPage.ImportError e : page.errors()) {
                    long line = csv ? (e.line() == 1 ? 1 : startLine + e.line() - 2) : startLine + e.line() - 1;
                    if (csv && e.line() == 1 && startLine > 2) {
                        continue; // the header is line 1 of every chunk: reported once, with the first chunk
                    }
                    out.write((Csv.line(List.of(line, nullToEmpty(e.field()), nullToEmpty(e.rule()), nullToEmpty(e.message())))
                            + "\n").getBytes(StandardCharsets.UTF_8));
                }
                if (page.nextAfterLine() == null) {
                    return;
                }
                after = page.nextAfterLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error report " + errorsFile, e);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(Math.max(100, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.PLATFORM, "interrupted");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
