package credit.platform.client.registry;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** Subjects and their identifiers (registry-service, via the gateway). */
public interface RegistryApi {

    /** Needs scope {@code registry.write}. A duplicate identifier gives a {@code ConflictException}. */
    @PostMapping(path = "/api/v1/subjects", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView createSubject(@RequestBody CreateSubjectRequest request);

    /** Needs scope {@code registry.read}. */
    @GetMapping(path = "/api/v1/subjects/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView getSubject(@PathVariable("id") String id);

    /** Needs scope {@code registry.read}. An unknown identifier gives a {@code NotFoundException}. */
    @GetMapping(path = "/api/v1/subjects/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    SubjectView lookup(@RequestParam("scheme") String scheme, @RequestParam("value") String value);
}
