package credit.platform.sanctions.enforcement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.sanctions.enforcement.adapter.catalogue.CatalogueLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A company's legal representative / principal / actual controller follow the registry's change feed. */
class RoleHoldersFollowRegistryTest {

    static final SubjectKey COMPANY = SubjectKey.uscc("91350200776049653A");
    static final SubjectKey OLD_REP = SubjectKey.residentId("11010519491231002X");
    static final SubjectKey NEW_REP = SubjectKey.residentId("110105194912310038");
    static final Instant LISTED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CHANGED = Instant.parse("2026-06-01T00:00:00Z");

    FakeSubjectDirectory registry = new FakeSubjectDirectory().subject("subj-co", COMPANY);
    InMemoryIndexStore store = new InMemoryIndexStore();
    Enforcement enforcement;
    IndexMaintenance maintenance;

    @BeforeEach
    void setUp() {
        enforcement = new Enforcement(CatalogueLoader.fromClasspath(CatalogueLoader.DEFAULT),
                Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5),
                StalePolicy.ANSWER_FLAGGED);
        maintenance = new IndexMaintenance(enforcement, registry, store);
        maintenance.beginSnapshot();
        maintenance.finishSnapshot(0);
        registry.holding("subj-co", new BoundPerson(Role.LEGAL_REPRESENTATIVE, List.of(OLD_REP), null, null));
        maintenance.apply(new FeedChange(1, new FeedRecord(UUID.randomUUID().toString(), "spc-dishonest-debtors",
                "BLACK", "subj-co", COMPANY, "Court", RecordState.ACTIVE, LISTED, null), LISTED));
    }

    boolean bound(SubjectKey person, Instant at) {
        return enforcement.index().lookup(person).stream().anyMatch(r -> r.bindsAt(at));
    }

    @Test
    void aNewLegalRepresentativeIsBoundFromTheChangeAndTheOldOneUntilIt() {
        registry.persons.put("subj-co", List.of(new BoundPerson(Role.LEGAL_REPRESENTATIVE, List.of(NEW_REP), CHANGED, null)));

        maintenance.applyRegistryChange(new RegistryChange(1, "subj-co", CHANGED));

        assertThat(bound(OLD_REP, CHANGED.minusSeconds(86_400))).isTrue();
        assertThat(bound(OLD_REP, CHANGED)).isFalse();
        assertThat(bound(NEW_REP, CHANGED.minusSeconds(86_400))).isFalse();
        assertThat(bound(NEW_REP, CHANGED.plusSeconds(86_400))).isTrue();
        assertThat(store.registrySequence).isEqualTo(1);
        assertThat(store.entries.values()).singleElement().satisfies(e -> assertThat(e.bound()).hasSize(2));
    }

    @Test
    void changesOfOtherSubjectsAndReplayedChangesAskNobody() {
        int calls = registry.calls.get();

        maintenance.applyRegistryChange(new RegistryChange(1, "subj-someone-else", CHANGED));
        maintenance.applyRegistryChange(new RegistryChange(1, "subj-co", CHANGED));

        assertThat(registry.calls.get()).isEqualTo(calls);
        assertThat(enforcement.registrySequence()).isEqualTo(1);
        assertThat(bound(OLD_REP, CHANGED)).isTrue();
    }

    @Test
    void afterARestartTheCompanyStillFollowsTheRegistry() {
        Enforcement restarted = new Enforcement(enforcement.catalogue(), Clock.systemUTC(), Duration.ofMinutes(5),
                StalePolicy.ANSWER_FLAGGED);
        IndexMaintenance again = new IndexMaintenance(restarted, registry, store);
        again.restore();
        registry.persons.put("subj-co", List.of(new BoundPerson(Role.LEGAL_REPRESENTATIVE, List.of(NEW_REP), CHANGED, null)));

        again.applyRegistryChange(new RegistryChange(1, "subj-co", CHANGED));

        assertThat(restarted.index().lookup(NEW_REP)).singleElement()
                .satisfies(r -> assertThat(r.binding().capacity()).contains("legal representative"));
    }
}
