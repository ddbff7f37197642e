package credit.platform.client.lists;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** List definitions and records on lists (blacklist-service, via the gateway). */
public interface ListsApi {

    // Reads of person data take an X-Purpose (the gateway refuses them without one): ENFORCEMENT,
    // LICENSING, PROCUREMENT, SUPERVISION, OBJECTION_REVIEW or DATA_MAINTENANCE.

    /** Needs scope {@code lists.read}. */
    @GetMapping(path = "/api/v1/lists", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ListDefinitionView> listDefinitions();

    /** Needs scope {@code lists.write}, and the token's agency must own the list. */
    @PostMapping(path = "/api/v1/lists/{listId}/records", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RecordView createRecord(@PathVariable("listId") String listId, @RequestBody CreateRecordRequest request);

    /**
     * As {@link #createRecord(String, CreateRecordRequest)}, sending {@code Idempotency-Key}: a repeat
     * with the same key creates nothing new.
     */
    @PostMapping(path = "/api/v1/lists/{listId}/records", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RecordView createRecord(@PathVariable("listId") String listId, @RequestBody CreateRecordRequest request,
            @RequestHeader("Idempotency-Key") String idempotencyKey);

    /** Needs scope {@code lists.read}. */
    @GetMapping(path = "/api/v1/lists/{listId}/records/{recordId}", produces = MediaType.APPLICATION_JSON_VALUE)
    RecordView getRecord(@PathVariable("listId") String listId, @PathVariable("recordId") String recordId);

    /** Needs scope {@code lists.read}. */
    @GetMapping(path = "/api/v1/records", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RecordView> recordsOfSubject(@RequestParam("subjectId") String subjectId);

    /**
     * As {@link #getRecord(String, String)}, stating why in {@code X-Purpose} (the gateway refuses reads
     * of person data without one: ENFORCEMENT, LICENSING, PROCUREMENT, SUPERVISION, OBJECTION_REVIEW,
     * DATA_MAINTENANCE).
     */
    @GetMapping(path = "/api/v1/lists/{listId}/records/{recordId}", produces = MediaType.APPLICATION_JSON_VALUE)
    RecordView getRecord(@PathVariable("listId") String listId, @PathVariable("recordId") String recordId,
            @RequestHeader("X-Purpose") String purpose);

    /** As {@link #recordsOfSubject(String)}, stating why in {@code X-Purpose}. */
    @GetMapping(path = "/api/v1/records", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RecordView> recordsOfSubject(@RequestParam("subjectId") String subjectId,
            @RequestHeader("X-Purpose") String purpose);

    /** As of a day: the subject's records that were in force then. Needs scope {@code lists.read}. */
    @GetMapping(path = "/api/v1/records", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RecordView> recordsOfSubjectAsOf(@RequestParam("subjectId") String subjectId,
            @RequestParam("asOf") LocalDate asOf, @RequestHeader("X-Purpose") String purpose);

    /** One page of a list's records, newest first. Needs scope {@code lists.read}. */
    @GetMapping(path = "/api/v1/lists/{listId}/records", produces = MediaType.APPLICATION_JSON_VALUE)
    RecordPage listRecords(@PathVariable("listId") String listId, @RequestParam("page") int page,
            @RequestParam("size") int size, @RequestHeader("X-Purpose") String purpose);

    /** The public view of a legal entity by USCC. Needs scope {@code lists.read}. */
    @GetMapping(path = "/api/v1/records/public", produces = MediaType.APPLICATION_JSON_VALUE)
    List<PublicRecordView> publicRecords(@RequestParam("uscc") String uscc,
            @RequestHeader("X-Purpose") String purpose);

    /** Needs scope {@code lists.write} and the list's agency; 409 on a stale {@code expectedVersion}. */
    @PostMapping(path = "/api/v1/lists/{listId}/records/{recordId}/removal", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RecordView removeRecord(@PathVariable("listId") String listId, @PathVariable("recordId") String recordId,
            @RequestBody RemovalRequest request);

    /** Needs scope {@code lists.write} and the list's agency; 400 beyond the list's maximum. */
    @PostMapping(path = "/api/v1/lists/{listId}/records/{recordId}/extension", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    RecordView extendRecord(@PathVariable("listId") String listId, @PathVariable("recordId") String recordId,
            @RequestBody ExtensionRequest request);

    /** Files an objection: the record becomes DISPUTED. Needs scope {@code lists.write}. */
    @PostMapping(path = "/api/v1/lists/{listId}/records/{recordId}/objections", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ApplicationView fileObjection(@PathVariable("listId") String listId, @PathVariable("recordId") String recordId,
            @RequestBody FilingRequest request);

    /** Applies for credit repair; 400 before the list's minimum publicity period. Needs scope {@code lists.write}. */
    @PostMapping(path = "/api/v1/lists/{listId}/records/{recordId}/repairs", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ApplicationView applyForRepair(@PathVariable("listId") String listId, @PathVariable("recordId") String recordId,
            @RequestBody FilingRequest request);

    /** Reports a deletion ground; accepting it removes the record on that ground. Needs scope {@code lists.write}. */
    @PostMapping(path = "/api/v1/lists/{listId}/records/{recordId}/deletion-requests",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ApplicationView requestDeletion(@PathVariable("listId") String listId, @PathVariable("recordId") String recordId,
            @RequestBody DeletionRequest request);

    /** A record's objections and repair applications. Needs scope {@code lists.read}. */
    @GetMapping(path = "/api/v1/lists/{listId}/records/{recordId}/applications", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ApplicationView> applications(@PathVariable("listId") String listId, @PathVariable("recordId") String recordId,
            @RequestHeader("X-Purpose") String purpose);

    /** Confirms receipt. Needs scope {@code lists.write} and the record's authority. */
    @PostMapping(path = "/api/v1/lists/{listId}/records/{recordId}/applications/{applicationId}/acknowledgement",
            produces = MediaType.APPLICATION_JSON_VALUE)
    ApplicationView acknowledge(@PathVariable("listId") String listId, @PathVariable("recordId") String recordId,
            @PathVariable("applicationId") String applicationId);

    /** Decides. Needs scope {@code lists.write} and the record's authority. */
    @PostMapping(path = "/api/v1/lists/{listId}/records/{recordId}/applications/{applicationId}/decision",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ApplicationView decide(@PathVariable("listId") String listId, @PathVariable("recordId") String recordId,
            @PathVariable("applicationId") String applicationId, @RequestBody DecisionRequest request);

    /** Undecided applications past their deadline, of the caller's agency. Needs scope {@code lists.read}. */
    @GetMapping(path = "/api/v1/lists/applications/overdue", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ApplicationView> overdueApplications();
}
