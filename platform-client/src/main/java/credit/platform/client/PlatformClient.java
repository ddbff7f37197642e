package credit.platform.client;

import credit.platform.client.lists.ListsApi;
import credit.platform.client.registry.RegistryApi;
import credit.platform.client.scoring.ScoringApi;
import credit.platform.client.travel.TravelApi;

/**
 * The platform's REST API, one typed interface per service. Made by {@link PlatformClients#create}
 * or, in a Spring Boot application, injected. Thread-safe; share one instance.
 */
public final class PlatformClient {

    private final RegistryApi registry;
    private final ListsApi lists;
    private final ScoringApi scoring;
    private final TravelApi travel;

    PlatformClient(RegistryApi registry, ListsApi lists, ScoringApi scoring, TravelApi travel) {
        this.registry = registry;
        this.lists = lists;
        this.scoring = scoring;
        this.travel = travel;
    }

    public RegistryApi registry() {
        return registry;
    }

    public ListsApi lists() {
        return lists;
    }

    public ScoringApi scoring() {
        return scoring;
    }

    public TravelApi travel() {
        return travel;
    }
}
