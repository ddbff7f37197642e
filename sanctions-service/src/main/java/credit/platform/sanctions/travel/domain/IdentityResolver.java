package credit.platform.sanctions.travel.domain;

import java.util.Optional;

/** Port to the registry: the subject holding a document, if any. */
public interface IdentityResolver {

    /**
     * @return empty when no subject holds the document
     * @throws InvalidTravelCheckException when the registry rejects the document (e.g. bad check digit)
     * @throws SourceUnavailableException  when the registry cannot answer
     */
    Optional<String> subjectIdFor(TravelDocument document);
}
