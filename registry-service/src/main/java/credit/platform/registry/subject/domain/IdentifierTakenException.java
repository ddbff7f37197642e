package credit.platform.registry.subject.domain;

import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.IdentifierScheme;

/** The identifier is already held by another subject. */
public class IdentifierTakenException extends RuntimeException {

    private final Subject holder;
    private final IdentifierScheme scheme;

    public IdentifierTakenException(Identifier identifier, Subject holder) {
        super("A " + identifier.scheme() + " identifier given is already registered to subject " + holder.id());
        this.holder = holder;
        this.scheme = identifier.scheme();
    }

    public Subject holder() {
        return holder;
    }

    public IdentifierScheme scheme() {
        return scheme;
    }
}
