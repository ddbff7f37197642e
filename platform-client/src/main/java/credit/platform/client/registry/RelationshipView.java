package credit.platform.client.registry;

import java.time.Instant;
import java.time.LocalDate;

/** A role {@code fromSubjectId} holds in {@code toSubjectId} from {@code validFrom} to {@code validTo} (inclusive; null = open). */
public record RelationshipView(String id, String type, String fromSubjectId, String toSubjectId, LocalDate validFrom,
        LocalDate validTo, Integer shareBasisPoints, Instant createdAt) {
}
