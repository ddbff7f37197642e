package credit.platform.lists.definition.domain;

import java.util.List;
import java.util.Optional;

/** Where list definitions are kept (port; the Mongo adapter implements it). */
public interface ListDefinitionRepository {

    /** Inserts or replaces the definition with the same id: seeding twice changes nothing. */
    void upsert(ListDefinition definition);

    Optional<ListDefinition> findById(String id);

    List<ListDefinition> findAll();
}
