package credit.platform.registry.demo.adapter;

import credit.platform.registry.RegistryProperties;
import credit.platform.registry.bulkimport.domain.ImportJob;
import credit.platform.registry.bulkimport.domain.ImportService;
import credit.platform.registry.demo.domain.SyntheticRegistry;
import credit.platform.registry.subject.domain.SubjectService;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the synthetic registry at start-up when {@code credit.registry.demo-data.size} &gt; 0 and
 * the registry is empty. Runs through the bulk import (so it is idempotent), before the service
 * reports itself ready.
 */
@Component
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final RegistryProperties properties;
    private final SubjectService subjects;
    private final ImportService imports;

    DemoDataSeeder(RegistryProperties properties, SubjectService subjects, ImportService imports) {
        this.properties = properties;
        this.subjects = subjects;
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        int size = properties.demoData().size();
        if (size <= 0) {
            return;
        }
        if (!subjects.changesAfter(0, 1).isEmpty()) {
            log.info("demo data not seeded: the registry already holds subjects");
            return;
        }
        String id = "demo-seed-" + UUID.randomUUID();
        imports.start(id, "synthetic");
        ImportJob done = imports.run(id, new SyntheticRegistry(properties.demoData().seed(), Math.max(2, size)).numbered(),
                "demo-data");
        log.info("demo data seeded (import {}): {} lines, {} created, {} existing, {} rejected", id, done.lines(),
                done.created(), done.existing(), done.rejected());
    }
}
