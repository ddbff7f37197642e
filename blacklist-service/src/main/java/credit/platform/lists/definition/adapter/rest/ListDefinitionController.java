package credit.platform.lists.definition.adapter.rest;

import credit.platform.lists.definition.domain.ListCatalog;
import credit.platform.lists.definition.domain.ListDefinition;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST: the lists kept on the platform. */
@RestController
class ListDefinitionController {

    private final ListCatalog catalog;

    ListDefinitionController(ListCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/lists")
    List<ListDefinitionView> lists() {
        return catalog.all().stream().map(ListDefinitionView::of).toList();
    }

    /** The REST shape of a list (the platform-client SDK mirrors it). */
    record ListDefinitionView(String id, String name, String kind, String issuingAuthority, String legalBasis,
            String publicity) {
        static ListDefinitionView of(ListDefinition d) {
            return new ListDefinitionView(d.id(), d.name(), d.kind().name(), d.issuingAuthority(), d.legalBasis(),
                    d.publicity().name());
        }
    }
}
