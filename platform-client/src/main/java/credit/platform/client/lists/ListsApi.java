package credit.platform.client.lists;

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
}
