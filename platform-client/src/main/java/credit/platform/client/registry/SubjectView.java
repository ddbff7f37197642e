package credit.platform.client.registry;

import java.time.Instant;
import java.util.List;

import credit.platform.client.IdentifierDto;

/** A registered subject as the registry shows it. */
public record SubjectView(String id, String kind, List<IdentifierDto> identifiers, String name, String latinName,
        String status, String registrationRegion, boolean flaggedForReview, long version, Instant createdAt) {
}
