package credit.platform.client.registry;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Subjects, their identifiers, relationships and permits, and bulk imports (registry-service, via
 * the gateway). Reads of person data through the gateway must state a purpose ({@code X-Purpose}:
 * ENFORCEMENT, LICENSING, PROCUREMENT, SUPERVISION, OBJECTION_REVIEW, DATA_MAINTENANCE): use the
 * overloads taking {@code purpose}.
 */
public interface RegistryApi {

    /** Needs scope {@code registry.write}. A duplicate identifier gives a {@code ConflictException}. */
    @PostMapping(path = "/api/v1/subjects", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView createSubject(@RequestBody CreateSubjectRequest request);

    /** Needs scope {@code registry.read}. */
    @GetMapping(path = "/api/v1/subjects/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView getSubject(@PathVariable("id") String id);

    /** As {@link #getSubject(String)}, stating why in {@code X-Purpose}. */
    @GetMapping(path = "/api/v1/subjects/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView getSubject(@PathVariable("id") String id, @RequestHeader("X-Purpose") String purpose);

    /** Needs scope {@code registry.read}. An unknown identifier gives a {@code NotFoundException}. */
    @GetMapping(path = "/api/v1/subjects/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView lookup(@RequestParam("scheme") String scheme, @RequestParam("value") String value);

    /** As {@link #lookup(String, String)}, stating why in {@code X-Purpose}. */
    @GetMapping(path = "/api/v1/subjects/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView lookup(@RequestParam("scheme") String scheme, @RequestParam("value") String value,
            @RequestHeader("X-Purpose") String purpose);

    /**
     * As {@link #lookup(String, String, String)} for a document named with its issuing country (a
     * passport: ISO 3166-1 alpha-3, e.g. {@code CHN}; the platform refuses a passport without it).
     */
    @GetMapping(path = "/api/v1/subjects/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView lookup(@RequestParam("scheme") String scheme, @RequestParam("value") String value,
            @RequestParam("issuingCountry") String issuingCountry, @RequestHeader("X-Purpose") String purpose);

    /** Every change of the subject, oldest first. Needs {@code registry.read}. */
    @GetMapping(path = "/api/v1/subjects/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    List<HistoryEntryView> history(@PathVariable("id") String id, @RequestHeader("X-Purpose") String purpose);

    /** Binds another identifier; a stale version or a taken identifier gives a {@code ConflictException}. */
    @PostMapping(path = "/api/v1/subjects/{id}/identifiers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView addIdentifier(@PathVariable("id") String id, @RequestBody AddIdentifierRequest request);

    /** Deregistration or death with its date. Needs {@code registry.write}. */
    @PostMapping(path = "/api/v1/subjects/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView changeStatus(@PathVariable("id") String id, @RequestBody StatusChangeRequest request);

    /** Records a role the subject holds in another (201, or 200 when it was already recorded). */
    @PostMapping(path = "/api/v1/subjects/{id}/relationships", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RelationshipView addRelationship(@PathVariable("id") String subjectId, @RequestBody CreateRelationshipRequest request);

    /**
     * Relationships valid on {@code asOf} (today when null). {@code direction}: OUTGOING (roles the
     * subject holds, e.g. "companies where this person is legal representative"), INCOMING (roles
     * held in it, e.g. "legal representative of this company") or BOTH; {@code types} empty for all.
     */
    @GetMapping(path = "/api/v1/subjects/{id}/relationships", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RelationshipView> relationships(@PathVariable("id") String subjectId,
            @RequestParam(value = "direction", required = false) String direction,
            @RequestParam(value = "type", required = false) List<String> types,
            @RequestParam(value = "asOf", required = false) LocalDate asOf,
            @RequestHeader("X-Purpose") String purpose);

    @PostMapping(path = "/api/v1/subjects/{id}/relationships/{relationshipId}/end",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    RelationshipView endRelationship(@PathVariable("id") String subjectId,
            @PathVariable("relationshipId") String relationshipId, @RequestBody EndRelationshipRequest request);

    @PostMapping(path = "/api/v1/subjects/{id}/permits", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    PermitView addPermit(@PathVariable("id") String subjectId, @RequestBody CreatePermitRequest request);

    /** The subject's permits with today's status; {@code expiredOnly} for the expired ones. */
    @GetMapping(path = "/api/v1/subjects/{id}/permits", produces = MediaType.APPLICATION_JSON_VALUE)
    List<PermitView> permits(@PathVariable("id") String subjectId, @RequestParam("expired") boolean expiredOnly,
            @RequestHeader("X-Purpose") String purpose);

    /**
     * Imports records (each a JSON object as one NDJSON line of the registry README: a subject, or
     * {@code "record":"relationship"} / {@code "record":"permit"}) sent as a JSON array, read by the
     * service one element at a time. Idempotent: records already present are counted as existing.
     * Needs {@code registry.write}. Through the gateway the body is limited in size; send large
     * sets in several imports (or NDJSON straight to the service).
     */
    @PostMapping(path = "/api/v1/subjects/imports", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ImportSummary importRecords(@RequestParam("format") String json, @RequestParam("importId") String importId,
            @RequestBody List<?> records);

    /** As {@link #importRecords(String, String, List)} with format {@code json}. */
    default ImportSummary importRecords(String importId, List<?> records) {
        return importRecords("json", importId, records);
    }

    /**
     * Imports a file as it is — {@code format} {@code ndjson} (one JSON object per line, as the registry
     * README describes) or {@code csv} (header {@code kind,scheme,value,issuingCountry,name,latinName,registrationRegion})
     * — read by the service line by line. Same rules as {@link #importRecords(String, String, List)}; an
     * {@code importId} can run only once. Error report lines are the file's lines (CSV: the header is line 1).
     * Through the gateway a file may be up to its import body limit (200 MB by default). The answer comes when the
     * whole file is read: the client waits up to 6 minutes (the gateway allows the route 300 s by default), so send
     * large files in parts — the {@code credit} command line does, and resumes.
     */
    @PostMapping(path = "/api/v1/subjects/imports", produces = MediaType.APPLICATION_JSON_VALUE)
    ImportSummary importFile(@RequestParam("format") String format, @RequestParam("importId") String importId,
            @RequestHeader("Content-Type") String contentType, @RequestBody byte[] file);

    /** An NDJSON file (see {@link #importFile}). */
    default ImportSummary importNdjson(String importId, byte[] ndjson) {
        return importFile("ndjson", importId, "application/x-ndjson", ndjson);
    }

    /** A CSV file of subjects, header line included (see {@link #importFile}). */
    default ImportSummary importCsv(String importId, byte[] csv) {
        return importFile("csv", importId, "text/csv", csv);
    }

    /**
     * Progress (while running) or summary of an import. The gateway treats every read under
     * {@code /api/v1/subjects} as a read of person data, so a purpose is needed here too.
     */
    @GetMapping(path = "/api/v1/subjects/imports/{importId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ImportSummary importStatus(@PathVariable("importId") String importId, @RequestHeader("X-Purpose") String purpose);

    /** A page of the import's error report (lines after {@code afterLine}). */
    @GetMapping(path = "/api/v1/subjects/imports/{importId}/errors", produces = MediaType.APPLICATION_JSON_VALUE)
    ImportErrorPage importErrors(@PathVariable("importId") String importId, @RequestParam("afterLine") long afterLine,
            @RequestHeader("X-Purpose") String purpose);
}
