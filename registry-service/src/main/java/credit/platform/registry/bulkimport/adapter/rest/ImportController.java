package credit.platform.registry.bulkimport.adapter.rest;

import credit.platform.common.web.InvalidRequestException;
import credit.platform.common.web.Problems;
import credit.platform.registry.bulkimport.adapter.format.ImportFormats;
import credit.platform.registry.bulkimport.domain.ImportError;
import credit.platform.registry.bulkimport.domain.ImportJob;
import credit.platform.registry.bulkimport.domain.ImportLine;
import credit.platform.registry.bulkimport.domain.ImportService;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk import: {@code POST /api/v1/subjects/imports?format=ndjson|csv|json[&importId=…]} with the file
 * as the body. The body is read as a stream, line by line. The run's counters are visible at
 * {@code GET /api/v1/subjects/imports/{id}} while it runs (choose the id with {@code importId});
 * the per-line error report at {@code GET /api/v1/subjects/imports/{id}/errors}.
 */
@RestController
@RequestMapping("/api/v1/subjects/imports")
class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    record ImportSummary(String id, String format, String status, long lines, long created, long existing,
            long rejected, java.time.Instant startedAt, java.time.Instant finishedAt) {
        static ImportSummary of(ImportJob j) {
            return new ImportSummary(j.id(), j.format(), j.status(), j.lines(), j.created(), j.existing(),
                    j.rejected(), j.startedAt(), j.finishedAt());
        }
    }

    record ErrorPage(List<ImportError> errors, Long nextAfterLine) {
    }

    @PostMapping
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "The file, streamed: one subject, relationship or permit a line (registry-service/README.md)",
            content = {
                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string", format = "binary"),
                        examples = @ExampleObject(value = "{\"kind\":\"PERSON\",\"identifiers\":[{\"scheme\":\"RESIDENT_ID\",\"value\":\"11010519491231002X\"}]}")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/json", schema = @Schema(type = "string", format = "binary"))})
    ResponseEntity<ImportSummary> importFile(@RequestParam("format") String format,
            @RequestParam(value = "importId", required = false) String importId, HttpServletRequest request,
            Principal caller) throws IOException {
        String f = format.strip().toLowerCase();
        if (!f.equals("ndjson") && !f.equals("csv") && !f.equals("json")) {
            throw new InvalidRequestException("format", "enum", "format must be ndjson, csv or json (an array)");
        }
        String id = importId == null || importId.isBlank() ? UUID.randomUUID().toString() : importId.strip();
        if (id.length() > 100 || !id.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidRequestException("importId", "format", "importId is 1 to 100 letters, digits, '.', '_' or '-'");
        }
        if (!imports.start(id, f)) {
            throw new InvalidRequestException("importId", "unique", "an import with this id has already run");
        }
        log.info("import {} started ({})", id, f);
        BufferedReader reader = new BufferedReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8));
        Iterator<ImportLine.Numbered> lines = switch (f) {
            case "csv" -> ImportFormats.csv(reader);
            case "json" -> ImportFormats.jsonArray(reader);
            default -> ImportFormats.ndjson(reader);
        };
        ImportJob done = imports.run(id, lines, caller == null ? "" : caller.getName());
        log.info("import {} {}: {} lines, {} created, {} existing, {} rejected", id, done.status(), done.lines(),
                done.created(), done.existing(), done.rejected());
        return ResponseEntity.ok(ImportSummary.of(done));
    }

    @GetMapping("/{id}")
    @ApiResponse(responseCode = "200", description = "The import's counters",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportSummary.class)))
    ResponseEntity<?> get(@PathVariable String id) {
        return imports.find(id).<ResponseEntity<?>>map(j -> ResponseEntity.ok(ImportSummary.of(j)))
                .orElseGet(() -> notFound());
    }

    @GetMapping("/{id}/errors")
    @ApiResponse(responseCode = "200", description = "One page of the per-line error report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorPage.class)))
    ResponseEntity<?> errors(@PathVariable String id, @RequestParam(value = "afterLine", defaultValue = "0") long afterLine,
            @RequestParam(value = "limit", defaultValue = "500") int limit) {
        if (imports.find(id).isEmpty()) {
            return notFound();
        }
        int size = Math.max(1, Math.min(limit, 1000));
        List<ImportError> page = imports.errors(id, afterLine, size);
        Long next = page.size() < size ? null : page.getLast().line();
        return ResponseEntity.ok(new ErrorPage(page, next));
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail p = Problems.of(HttpStatus.NOT_FOUND, "import-not-found", "Import not found", "No import with this id");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(p);
    }
}
