package credit.platform.client.registry;

import java.util.List;

import credit.platform.client.IdentifierDto;

/**
 * Registers a subject.
 *
 * @param kind               PERSON, LEGAL_ENTITY or GOVERNMENT_BODY
 * @param identifiers        at least one identifier
 * @param name               the name as registered
 * @param latinName          a Latin transcription, may be null
 * @param registrationRegion administrative division code, may be null
 */
public record CreateSubjectRequest(String kind, List<IdentifierDto> identifiers, String name, String latinName,
        String registrationRegion) {
}
