package credit.platform.cli;

import credit.platform.client.travel.ReceiptVerification;
import credit.platform.client.travel.ReceiptVerifier;
import credit.platform.csv.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code credit verify RECEIPT…}: receipts checked offline against the published keys. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        headerHeading = "%n", header = "Check travel-decision receipts offline.",
        descriptionHeading = "%nDescription:%n", description = {
                "A receipt proves what the platform answered: an ES256 signature of the sanctions service over a "
                        + "hash tree of the decisions signed together, the decision, and its path in the tree. This "
                        + "command checks it with the service's public keys only — nothing is sent to the platform "
                        + "about the receipts you check.",
                "",
                "Keys: --keys FILE uses a JWK set you saved (no network at all). Otherwise the keys are fetched "
                        + "once from GET /api/v1/travel-checks/receipt-keys with your sign-in (scope travel.check), "
                        + "kept in ~/.credit/receipt-keys.json for an hour, and fetched again when a receipt names a key "
                        + "the cache does not have (the service rotated its key).",
                "",
                "Prints one line per receipt: VALID with the decision, its id and passenger reference, or INVALID "
                        + "with the reason (altered decision, unknown key, broken signature, expired)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every receipt is valid", "1:some receipts are not valid", "2:wrong options or unreadable file",
                "3:keys needed but not signed in", "4:the keys could not be fetched"},
        footerHeading = "%nExamples:%n", footer = {
                "  credit verify 'eyJhbGciOiJFUzI1NiIs…~eyJqdGkiOi…~3:8:…'",
                "  credit verify --file G1-decisions.csv    # the output of `credit check`",
                "  credit verify --save-keys keys.json              # keep the keys for later",
                "  credit verify --keys keys.json --file G1-decisions.csv   # fully offline"})
final class VerifyCommand implements Callable<Integer> {

    static final Duration CACHE_TTL = ReceiptVerifier.KEYS_TTL;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "RECEIPT", arity = "0..*", description = "Receipts to check; '-' reads one per line from standard input.")
    List<String> receipts = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "A CSV with a receipt column (e.g. the output of `credit check`).")
    Path file;

    @Option(names = "--keys", paramLabel = "FILE", description = "Verify with this JWK set only (no network).")
    Path keys;

    @Option(names = "--save-keys", paramLabel = "FILE", description = "Write the keys in use to FILE (a JWK set), for --keys later.")
    Path saveKeys;

    /** A receipt and what to print beside it. */
    record Item(String receipt, String label) {
    }

    @Override
    public Integer call() throws IOException {
        List<Item> items = items();
        if (items.isEmpty() && saveKeys == null) {
            throw new CliException(Exit.USAGE, "nothing to verify: give receipts, '-' or --file");
        }
        ReceiptVerifier verifier = verifier(false);
        int invalid = 0;
        for (Item item : items) {
            ReceiptVerification v = verifier.verify(item.receipt());
            if (!v.valid() && keys == null && v.reason() != null && v.reason().contains("does not publish")) {
                verifier = verifier(true); // a key the cache does not know: the service may have rotated
                v = verifier.verify(item.receipt());
            }
            if (v.valid()) {
                Map<String, Object> c = v.claims();
                System.out.printf("VALID    %-5s decisionId=%s passengerRef=%s%s%n", c.get("decision"), c.get("jti"),
                        c.get("passengerRef"), item.label().isEmpty() ? "" : "  (" + item.label() + ")");
            } else {
                invalid++;
                System.out.printf("INVALID  %s%s%n", v.reason(), item.label().isEmpty() ? "" : "  (" + item.label() + ")");
            }
        }
        if (saveKeys != null) {
            Files.writeString(saveKeys, JSON.writeValueAsString(verifier.keySet()), StandardCharsets.UTF_8);
            System.err.println("credit: keys saved to " + saveKeys);
        }
        if (!items.isEmpty()) {
            System.err.printf("credit: %d receipts — %d valid, %d not valid%n", items.size(), items.size() - invalid, invalid);
        }
        return invalid > 0 ? Exit.REJECTED : Exit.OK;
    }

    private ReceiptVerifier verifier(boolean refresh) throws IOException {
        if (keys != null) {
            if (!Files.isRegularFile(keys)) {
                throw new CliException(Exit.USAGE, "no such key file: " + keys);
            }
            return ReceiptVerifier.withKeys(Files.readString(keys));
        }
        Path cache = connection.profileDir().resolve("receipt-keys.json");
        if (!refresh && Files.isRegularFile(cache)
                && Files.getLastModifiedTime(cache).toInstant().isAfter(Instant.now().minus(CACHE_TTL))) {
            return ReceiptVerifier.withKeys(Files.readString(cache));
        }
        Map<String, Object> fetched = connection.client(null).receiptVerifier().keySet();
        try {
            Files.createDirectories(cache.getParent());
            Path tmp = cache.resolveSibling("receipt-keys.json.tmp");
            Files.writeString(tmp, JSON.writeValueAsString(fetched), StandardCharsets.UTF_8);
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("credit: could not cache the keys in " + cache + " (" + e.getMessage() + ")");
        }
        return ReceiptVerifier.withKeys(fetched);
    }

    private List<Item> items() throws IOException {
        List<Item> items = new ArrayList<>();
        for (String r : receipts) {
            if (r.equals("-")) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        items.add(new Item(line.strip(), ""));
                    }
                }
            } else {
                items.add(new Item(r.strip(), ""));
            }
        }
        if (file != null) {
            items.addAll(fromCsv(file));
        }
        return items;
    }

    static List<Item> fromCsv(Path file) {
        List<Item> items = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            List<String> names = header == null ? List.of() : Csv.split(Csv.withoutBom(header));
            List<String> lower = names == null ? List.of() : names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
            int receipt = lower.indexOf("receipt");
            if (receipt < 0) {
                throw new CliException(Exit.USAGE, file + " has no receipt column");
            }
            int ref = lower.indexOf("passengerref");
            long lineNo = 1;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                List<String> cells = Csv.split(line);
                if (cells == null || cells.size() <= receipt || cells.get(receipt).isBlank()) {
                    continue; // an ERROR line of `credit check` has no receipt
                }
                String label = "line " + lineNo + (ref >= 0 && ref < cells.size() ? ", " + cells.get(ref) : "");
                items.add(new Item(cells.get(receipt).strip(), label));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }
}
