package credit.platform.lists.application.domain;

import java.util.List;
import java.util.Optional;

/** Where objections and repair applications are kept (port; the Mongo adapter implements it). */
public interface ApplicationRepository {

    /** One atomic insert; false, writing nothing, when the id exists. */
    boolean insert(Application application);

    /** One atomic replace, only if the stored one is at {@code expectedVersion}. */
    boolean replace(Application next, long expectedVersion);

    Optional<Application> findById(String id);

    /** Removes a filing whose record step was refused (compensation; one atomic delete). */
    void delete(String id);

    List<Application> findByRecord(String recordId);

    /** Open (undecided) applications, of one authority or of all when {@code authority} is null. */
    List<Application> findOpen(String authority);
}
