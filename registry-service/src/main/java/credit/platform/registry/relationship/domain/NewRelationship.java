package credit.platform.registry.relationship.domain;

import java.time.LocalDate;

/** A request to record a relationship; validated by {@link RelationshipService#add}. */
public record NewRelationship(RelationshipType type, String fromSubjectId, String toSubjectId, LocalDate validFrom,
        LocalDate validTo, int shareBasisPoints) {
}
