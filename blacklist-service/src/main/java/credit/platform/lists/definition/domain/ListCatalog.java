package credit.platform.lists.definition.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Use cases on list definitions. */
public class ListCatalog {

    private final ListDefinitionRepository definitions;
    private final Clock clock;

    public ListCatalog(ListDefinitionRepository definitions, Clock clock) {
        this.definitions = definitions;
        this.clock = clock;
    }

    public VersionedDefinition getVersioned(String listId) {
        return definitions.findVersioned(listId).orElseThrow(() -> new ListNotFoundException(listId));
    }

    /**
     * A platform admin's edit: the next version of an existing list's rules. Records already made
     * keep their terms; the new rules apply to what happens next (new records, extensions, deadlines).
     *
     * @throws ListNotFoundException         no such list
     * @throws DefinitionConflictException   the definition is not at {@code expectedVersion}
     */
    public VersionedDefinition edit(ListDefinition next, long expectedVersion, String admin) {
        VersionedDefinition current = getVersioned(next.id());
        if (current.version() != expectedVersion) {
            throw new DefinitionConflictException(expectedVersion, current.version());
        }
        Instant now = clock.instant();
        if (!definitions.replace(next, expectedVersion, admin, now)) {
            throw new DefinitionConflictException(expectedVersion, getVersioned(next.id()).version());
        }
        return new VersionedDefinition(next, expectedVersion + 1, admin, now);
    }

    /** Stores the definitions kept in the repository's code (idempotent). */
    public void seed(List<ListDefinition> seeds) {
        seeds.forEach(definitions::upsert);
    }

    public List<ListDefinition> all() {
        return definitions.findAll().stream().sorted(Comparator.comparing(ListDefinition::id)).toList();
    }

    public ListDefinition get(String listId) {
        return definitions.findById(listId).orElseThrow(() -> new ListNotFoundException(listId));
    }
}
