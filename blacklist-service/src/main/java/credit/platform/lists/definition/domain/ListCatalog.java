package credit.platform.lists.definition.domain;

import java.util.Comparator;
import java.util.List;

/** Use cases on list definitions. */
public class ListCatalog {

    private final ListDefinitionRepository definitions;

    public ListCatalog(ListDefinitionRepository definitions) {
        this.definitions = definitions;
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
