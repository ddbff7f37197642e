package credit.platform.client.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import credit.platform.client.IdentifierDto;

/**
 * A registered subject as the registry shows it.
 *
 * @param status     ACTIVE, DEREGISTERED or DECEASED
 * @param version    pass it as {@code expectedVersion} to change the subject
 * @param statusDate date of deregistration or death; null while active
 */
public record SubjectView(String id, String kind, List<IdentifierDto> identifiers, String name, String latinName,
        String status, String registrationRegion, boolean flaggedForReview, long version, Instant createdAt,
        LocalDate statusDate) {

    /** The shape before {@code statusDate} was added (kept so existing callers compile). */
    public SubjectView(String id, String kind, List<IdentifierDto> identifiers, String name, String latinName,
            String status, String registrationRegion, boolean flaggedForReview, long version, Instant createdAt) {
        this(id, kind, identifiers, name, latinName, status, registrationRegion, flaggedForReview, version, createdAt,
                null);
    }
}
