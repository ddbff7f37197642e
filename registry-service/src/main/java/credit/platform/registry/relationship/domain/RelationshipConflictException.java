package credit.platform.registry.relationship.domain;

/** The relationship contradicts one already recorded (e.g. two legal representatives at once). */
public class RelationshipConflictException extends RuntimeException {

    private final String existingRelationshipId;

    public RelationshipConflictException(String message, String existingRelationshipId) {
        super(message);
        this.existingRelationshipId = existingRelationshipId;
    }

    public String existingRelationshipId() {
        return existingRelationshipId;
    }
}
