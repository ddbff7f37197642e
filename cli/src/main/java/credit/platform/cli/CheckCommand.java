package credit.platform.cli;

import credit.platform.client.FieldError;
import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformProblemException;
import credit.platform.client.travel.TravelCheck;
import credit.platform.client.travel.TravelCheckBatch;
import credit.platform.client.travel.TravelDecision;
import credit.platform.client.travel.TravelDocument;
import credit.platform.client.travel.TravelReason;
import credit.platform.csv.Csv;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code credit check passengers.csv}: a passenger list through the batch route, decisions and receipts out. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        headerHeading = "%n", header = "Check a passenger list: may each passenger travel?",
        descriptionHeading = "%nDescription:%n", description = {
                "Reads FILE (CSV, one passenger per line) and asks the platform through the batch route "
                        + "(POST /api/v1/travel-checks/batch, --batch-size passengers a call, in file order). "
                        + "Writes one line per passenger to --output: the decision, every reason barring the trip "
                        + "(code, measure, authority, record, where to appeal), the decision id to quote for redress, "
                        + "the index state it was decided at, and the signed receipt — which `credit verify` checks "
                        + "offline.",
                "",
                "A line the platform cannot check (a document number that is not one, an unknown seat class) gets "
                        + "decision ERROR and the platform's words in the error column; the others are still checked.",
                "",
                "Input columns (header line required; names as below, any order; empty cells allowed where optional):",
                "  passengerRef      your reference, echoed (e.g. PNR line, seat)",
                "  documentType      RESIDENT_ID, PASSPORT or FOREIGN_PERMANENT_RESIDENT_ID",
                "  documentNumber    as printed",
                "  documentCountry   ISO 3166-1 alpha-3, for passports (e.g. CHN)",
                "  mode              AIR, RAIL or SHIP",
                "  trainNumber       RAIL: e.g. G1, D301, K1 (its letter decides the rule)",
                "  seatClass         AIR: ECONOMY, BUSINESS, FIRST",
                "                    RAIL: SECOND_CLASS, FIRST_CLASS, BUSINESS_CLASS, NO_SEAT, …",
                "  travelDate        yyyy-MM-dd (empty: today)",
                "",
                "Output columns: passengerRef, decision (ALLOW, DENY or ERROR), reasonCodes, measures, authorities, "
                        + "recordRefs, appeal, decisionId, asOfSequence, receipt, error (multiple reasons joined by ';').",
                "",
                "Needs scope travel.check (e.g. airline-demo, rail-demo). Names are never sent."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every passenger checked (ALLOW or DENY)", "1:some lines could not be checked (ERROR lines)",
                "2:wrong options or unreadable file", "3:not signed in / sign-in refused",
                "4:the platform refused or did not answer"},
        footerHeading = "%nExamples:%n", footer = {
                "  credit check G1-2026-06-01.csv --output G1-decisions.csv",
                "  credit check --batch-size 5000 flight-MU5101.csv > decisions.csv"})
final class CheckCommand implements Callable<Integer> {

    static final List<String> OUTPUT = List.of("passengerRef", "decision", "reasonCodes", "measures", "authorities",
            "recordRefs", "appeal", "decisionId", "asOfSequence", "receipt", "error");
    private static final Pattern CHECK_INDEX = Pattern.compile("^checks\\[(\\d+)]\\.?(.*)$");

    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "FILE", description = "The passenger list (CSV).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where the decisions go (default: standard output).")
    Path output;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Passengers per call, 1 to 10 000 (default ${DEFAULT-VALUE}).")
    int batchSize;

    /** One input line. */
    record Row(long line, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column.toLowerCase(Locale.ROOT));
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    @Override
    public Integer call() throws IOException {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new CliException(Exit.USAGE, "--batch-size is 1 to 10 000");
        }
        List<Row> rows = read(file);
        PlatformClient client = connection.client(null);
        client.signIn();
        long allowed = 0;
        long denied = 0;
        long errors = 0;
        try (BufferedWriter out = output == null
                ? new BufferedWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            out.write(Csv.line(OUTPUT));
            out.newLine();
            for (int from = 0; from < rows.size(); from += batchSize) {
                List<Row> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
                Map<Row, String> problems = new LinkedHashMap<>();
                Map<Row, TravelDecision> decisions = decide(client, batch, problems);
                for (Row row : batch) {
                    TravelDecision d = decisions.get(row);
                    List<Object> cells;
                    if (d == null) {
                        errors++;
                        cells = List.of(nz(row.get("passengerRef")), "ERROR", "", "", "", "", "", "", "", "",
                                problems.getOrDefault(row, "not checked"));
                    } else {
                        if (d.denied()) {
                            denied++;
                        } else {
                            allowed++;
                        }
                        List<TravelReason> reasons = d.reasons() == null ? List.of() : d.reasons();
                        cells = List.of(nz(d.passengerRef()), d.decision(), join(reasons, TravelReason::code),
                                join(reasons, TravelReason::measure), join(reasons, TravelReason::authority),
                                join(reasons, TravelReason::recordRef), join(reasons, TravelReason::appeal),
                                nz(d.decisionId()), d.asOf() == null ? "" : d.asOf().sequence(), nz(d.receipt()), "");
                    }
                    out.write(Csv.line(cells));
                    out.newLine();
                }
                out.flush();
            }
        }
        System.err.printf("credit: %s passengers — %s ALLOW, %s DENY, %s not checked%s%n", Progress.grouped(rows.size()),
                Progress.grouped(allowed), Progress.grouped(denied), Progress.grouped(errors),
                output == null ? "" : " (" + output + ")");
        return errors > 0 ? Exit.REJECTED : Exit.OK;
    }

    /** Decisions for the batch; lines the platform refuses are left out (with their reason in {@code problems}) and the rest sent again. */
    private Map<Row, TravelDecision> decide(PlatformClient client, List<Row> batch, Map<Row, String> problems) {
        List<Row> pending = new ArrayList<>();
        for (Row row : batch) {
            String local = localProblem(row);
            if (local != null) {
                problems.put(row, local);
            } else {
                pending.add(row);
            }
        }
        Map<Row, TravelDecision> out = new HashMap<>();
        while (!pending.isEmpty()) {
            List<TravelCheck> checks = pending.stream().map(CheckCommand::check).toList();
            try {
                List<Row> sent = pending;
                List<TravelDecision> results = Retrying.call("batch", () -> client.travel().checkBatch(new TravelCheckBatch(checks))).results();
                for (int i = 0; i < sent.size(); i++) {
                    out.put(sent.get(i), results.get(i));
                }
                return out;
            } catch (PlatformProblemException e) {
                if (e.status() != 400) {
                    throw new CliException(e.status() == 401 || e.status() == 403 ? Exit.SIGN_IN : Exit.PLATFORM,
                            "the platform refused the batch: " + e.getMessage());
                }
                List<Row> refused = new ArrayList<>();
                for (FieldError error : e.errors()) {
                    Matcher m = CHECK_INDEX.matcher(error.field() == null ? "" : error.field());
                    if (m.matches() && Integer.parseInt(m.group(1)) < pending.size()) {
                        Row row = pending.get(Integer.parseInt(m.group(1)));
                        problems.merge(row, m.group(2) + ": " + error.message(), (a, b) -> a + "; " + b);
                        refused.add(row);
                    }
                }
                if (refused.isEmpty()) { // not about particular lines: every line of the batch gets the answer
                    pending.forEach(row -> problems.put(row, e.getMessage()));
                    return out;
                }
                pending = pending.stream().filter(r -> !refused.contains(r)).toList();
            }
        }
        return out;
    }

    /** What the SDK cannot even carry: a travel date that is not a date. Everything else is the platform's to judge. */
    private static String localProblem(Row row) {
        String date = row.get("travelDate");
        if (date != null) {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                return "travelDate: travelDate must be an ISO-8601 date, e.g. 2026-05-01";
            }
        }
        return null;
    }

    private static TravelCheck check(Row row) {
        String date = row.get("travelDate");
        return new TravelCheck(row.get("passengerRef"), new TravelDocument(row.get("documentType"),
                row.get("documentNumber"), row.get("documentCountry")), null, row.get("mode"), row.get("trainNumber"),
                row.get("seatClass"), date == null ? null : LocalDate.parse(date));
    }

    static List<Row> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CliException(Exit.USAGE, "no such file: " + file);
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            List<String> names = header == null ? null : Csv.split(Csv.withoutBom(header));
            if (names == null || !names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList().contains("documentnumber")) {
                throw new CliException(Exit.USAGE, file + ": the first line must be the header, e.g. "
                        + "passengerRef,documentType,documentNumber,documentCountry,mode,trainNumber,seatClass,travelDate");
            }
            long lineNo = 1;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = Csv.split(line);
                if (cells == null) {
                    throw new CliException(Exit.USAGE, file + " line " + lineNo + ": a quoted cell is not closed");
                }
                Map<String, String> byName = new HashMap<>();
                for (int i = 0; i < names.size() && i < cells.size(); i++) {
                    byName.put(names.get(i).strip().toLowerCase(Locale.ROOT), cells.get(i));
                }
                rows.add(new Row(lineNo, byName));
            }
        }
        return rows;
    }

    private static String join(List<TravelReason> reasons, java.util.function.Function<TravelReason, String> part) {
        return String.join(";", reasons.stream().map(r -> nz(part.apply(r))).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
