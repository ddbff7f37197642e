package credit.platform.registry.relationship.domain;

public class RelationshipNotFoundException extends RuntimeException {

    public RelationshipNotFoundException() {
        super("No relationship with this id for this subject");
    }
}
