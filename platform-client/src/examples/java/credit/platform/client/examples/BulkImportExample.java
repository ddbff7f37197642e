package credit.platform.client.examples;

import credit.platform.client.PlatformClient;
import credit.platform.client.PlatformClientProperties;
import credit.platform.client.PlatformClients;
import credit.platform.client.registry.ImportErrorPage;
import credit.platform.client.registry.ImportSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A registrar imports an NDJSON file of subjects and reads the per-line error report. (For files of
 * any size with progress and resume, the {@code credit import subjects} command does this in chunks.)
 */
public final class BulkImportExample {

    private BulkImportExample() {
    }

    /** The import's summary and every rejected line (line, field, rule, message — never the content). */
    public record Result(ImportSummary summary, List<ImportErrorPage.ImportError> errors) {
    }

    public static Result importFile(PlatformClient registrar, Path ndjson) throws IOException {
        String importId = "example-" + UUID.randomUUID(); // choose it, to poll progress while it runs
        ImportSummary summary = registrar.registry().importNdjson(importId, Files.readAllBytes(ndjson));
        List<ImportErrorPage.ImportError> errors = new ArrayList<>();
        long after = 0;
        while (summary.rejected() > 0) {
            ImportErrorPage page = registrar.registry().importErrors(importId, after, "DATA_MAINTENANCE");
            errors.addAll(page.errors());
            if (page.nextAfterLine() == null) {
                break;
            }
            after = page.nextAfterLine();
        }
        return new Result(summary, errors);
    }

    public static void main(String[] args) throws IOException {
        PlatformClient registrar = PlatformClients.create(new PlatformClientProperties(
                SingleCheckExample.env("CREDIT_GATEWAY_URL", "http://localhost:8080"),
                SingleCheckExample.env("CREDIT_TOKEN_URI", "http://localhost:8180/realms/credit/protocol/openid-connect/token"),
                SingleCheckExample.env("CREDIT_CLIENT_ID", "registrar-demo"), SingleCheckExample.env("CREDIT_CLIENT_SECRET", null)));
        Result r = importFile(registrar, Path.of(args[0]));
        System.out.printf("%d lines: %d created, %d existing, %d rejected%n", r.summary().lines(), r.summary().created(),
                r.summary().existing(), r.summary().rejected());
        r.errors().forEach(e -> System.out.printf("line %d: %s %s — %s%n", e.line(), e.field(), e.rule(), e.message()));
    }
}
