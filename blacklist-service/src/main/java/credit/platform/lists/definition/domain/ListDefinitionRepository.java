package credit.platform.lists.definition.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where list definitions are kept (port; the Mongo adapter implements it). */
public interface ListDefinitionRepository {

    /**
     * Stores a definition from the seed file as version 1: inserted when absent, replaced while no
     * platform admin has edited it (an edited definition keeps the admin's rules). Seeding twice
     * changes nothing. One atomic single-document write.
     */
    void upsert(ListDefinition definition);

    Optional<ListDefinition> findById(String id);

    List<ListDefinition> findAll();

    Optional<VersionedDefinition> findVersioned(String id);

    /**
     * Replaces the definition with its next version, keeping the previous one in its history. One
     * atomic single-document replace, only if the stored one is at {@code expectedVersion}.
     *
     * @return false, writing nothing, when it is at another version
     */
    boolean replace(ListDefinition next, long expectedVersion, String editedBy, Instant at);
}
