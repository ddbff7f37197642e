package credit.platform.sanctions.enforcement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.sanctions.enforcement.adapter.catalogue.CatalogueLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Role holders and identifiers follow the registry: every role of every period is held with its
 * window (a role starting later binds from its first day with no further event), and a registry change
 * of a subject re-derives every entry it is in (identifiers bound later are enforced, unbound ones stop).
 */
class RoleHoldersFollowRegistryTest {

    static final SubjectKey COMPANY = SubjectKey.uscc("91350200776049653A");
    static final SubjectKey OLD_REP = SubjectKey.residentId("11010519491231002X");
    static final SubjectKey NEW_REP = SubjectKey.residentId("110105194912310038");
    static final SubjectKey PASSPORT = SubjectKey.passport("CHN", "E12345678");
    static final Instant LISTED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant CHANGED = Instant.parse("2026-06-01T00:00:00Z");

    FakeSubjectDirectory registry = new FakeSubjectDirectory().subject("subj-co", COMPANY)
            .subject("subj-old", OLD_REP).subject("subj-new", NEW_REP);
    InMemoryIndexStore store = new InMemoryIndexStore();
    Enforcement enforcement;
    IndexMaintenance maintenance;
    long registrySequence;

    @BeforeEach
    void setUp() {
        enforcement = new Enforcement(CatalogueLoader.fromClasspath(CatalogueLoader.DEFAULT),
                Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5),
                StalePolicy.ANSWER_FLAGGED);
        maintenance = new IndexMaintenance(enforcement, registry, store);
        maintenance.beginSnapshot();
        maintenance.finishSnapshot(0);
        registry.holding("subj-co", new BoundPerson(Role.LEGAL_REPRESENTATIVE, "subj-old", List.of(OLD_REP), null, null));
        maintenance.apply(new FeedChange(1, new FeedRecord(UUID.randomUUID().toString(), "spc-dishonest-debtors",
                "BLACK", "subj-co", COMPANY, "Court", RecordState.ACTIVE, LISTED, null), LISTED));
    }

    boolean bound(SubjectKey person, Instant at) {
        return enforcement.index().lookup(person).stream().anyMatch(r -> r.bindsAt(at));
    }

    void registryChanged(String subjectId) {
        maintenance.applyRegistryChange(new RegistryChange(++registrySequence, subjectId, CHANGED));
    }

    @Test
    void aNewLegalRepresentativeIsBoundFromTheChangeAndTheOldOneUntilIt() {
        registry.persons.put("subj-co", List.of(
                new BoundPerson(Role.LEGAL_REPRESENTATIVE, "subj-old", List.of(OLD_REP), null, CHANGED),
                new BoundPerson(Role.LEGAL_REPRESENTATIVE, "subj-new", List.of(NEW_REP), CHANGED, null)));

        registryChanged("subj-co");

        assertThat(bound(OLD_REP, CHANGED.minusSeconds(86_400))).isTrue();
        assertThat(bound(OLD_REP, CHANGED)).isFalse();
        assertThat(bound(NEW_REP, CHANGED.minusSeconds(86_400))).isFalse();
        assertThat(bound(NEW_REP, CHANGED.plusSeconds(86_400))).isTrue();
        assertThat(store.registrySequence).isEqualTo(1);
        assertThat(store.entries.values()).singleElement().satisfies(e -> assertThat(e.bound()).hasSize(2));
    }

    @Test
    void aRoleThatStartsAfterTheListingBindsFromItsFirstDayWithoutAnotherEvent() {
        Instant later = Instant.parse("2026-12-01T00:00:00Z");
        registry.persons.put("subj-co", new ArrayList<>(List.of(
                new BoundPerson(Role.LEGAL_REPRESENTATIVE, "subj-old", List.of(OLD_REP), null, later),
                new BoundPerson(Role.LEGAL_REPRESENTATIVE, "subj-new", List.of(NEW_REP), later, null))));
        registryChanged("subj-co"); // the registry announces the appointment when it is recorded, days before

        int calls = registry.calls.get();
        assertThat(bound(NEW_REP, later.minusSeconds(1))).isFalse();
        assertThat(bound(NEW_REP, later)).isTrue();
        assertThat(bound(OLD_REP, later)).isFalse();
        assertThat(registry.calls.get()).isEqualTo(calls);
    }

    @Test
    void aDirectlyResponsiblePersonIsBoundLikeTheOtherRoles() {
        registry.holding("subj-co", new BoundPerson(Role.DIRECTLY_RESPONSIBLE_PERSON, "subj-new", List.of(NEW_REP),
                LISTED, null));
        registryChanged("subj-co");

        assertThat(enforcement.index().lookup(NEW_REP)).singleElement()
                .satisfies(r -> assertThat(r.binding().capacity()).isEqualTo(
                        "as directly responsible person of 91350200776049653A"));
    }

    @Test
    void aPassportBoundToTheRepresentativeAfterTheListingIsEnforcedAfterTheirOwnRegistryChange() {
        assertThat(bound(PASSPORT, CHANGED)).isFalse();

        registry.subject("subj-old", OLD_REP, PASSPORT);
        registry.persons.put("subj-co", List.of(
                new BoundPerson(Role.LEGAL_REPRESENTATIVE, "subj-old", List.of(OLD_REP, PASSPORT), null, null)));
        registryChanged("subj-old");

        assertThat(bound(PASSPORT, CHANGED)).isTrue();
    }

    @Test
    void aPassportBoundToAListedPersonLaterDeniesAndOnceUnboundNoLonger() {
        registry.subject("subj-debtor", OLD_REP);
        maintenance.apply(new FeedChange(2, new FeedRecord(UUID.randomUUID().toString(), "spc-dishonest-debtors",
                "BLACK", "subj-debtor", OLD_REP, "Court", RecordState.ACTIVE, LISTED, null), LISTED));
        assertThat(enforcement.index().lookup(PASSPORT)).isEmpty();

        registry.subject("subj-debtor", OLD_REP, PASSPORT);
        registryChanged("subj-debtor");
        assertThat(enforcement.index().lookup(PASSPORT)).isNotEmpty();

        registry.subject("subj-debtor", OLD_REP);
        registryChanged("subj-debtor");
        assertThat(enforcement.index().lookup(PASSPORT)).isEmpty();
        assertThat(enforcement.index().lookup(OLD_REP)).isNotEmpty();
    }

    @Test
    void aPassportMovedFromOnePersonToAnotherFollowsTheRegistryAndJoinsNobody() {
        SubjectKey other = SubjectKey.residentId("110105194912310054");
        registry.subject("subj-a", OLD_REP, PASSPORT).subject("subj-b", other);
        maintenance.apply(new FeedChange(2, new FeedRecord(UUID.randomUUID().toString(), "spc-dishonest-debtors",
                "BLACK", "subj-a", OLD_REP, "Court", RecordState.ACTIVE, LISTED, null), LISTED));
        maintenance.apply(new FeedChange(3, new FeedRecord(UUID.randomUUID().toString(), "rail-safety-offenders",
                "BLACK", "subj-b", other, "NRA", RecordState.ACTIVE, LISTED, null), LISTED));
        assertThat(enforcement.index().lookup(PASSPORT)).extracting(RestrictionRecord::listId)
                .containsExactly("spc-dishonest-debtors");

        // The registry moves the passport (bound to a by mistake) to b; b's change happens to be applied first.
        registry.subject("subj-a", OLD_REP).subject("subj-b", other, PASSPORT);
        registryChanged("subj-b");
        registryChanged("subj-a");

        assertThat(enforcement.index().lookup(PASSPORT)).extracting(RestrictionRecord::listId)
                .containsExactly("rail-safety-offenders");
        assertThat(enforcement.index().lookup(OLD_REP)).extracting(RestrictionRecord::listId)
                .containsExactly("spc-dishonest-debtors");
        assertThat(enforcement.index().lookup(other)).extracting(RestrictionRecord::listId)
                .containsExactly("rail-safety-offenders");
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
        registry.persons.put("subj-co", List.of(new BoundPerson(Role.LEGAL_REPRESENTATIVE, "subj-new", List.of(NEW_REP),
                CHANGED, null)));

        again.applyRegistryChange(new RegistryChange(1, "subj-co", CHANGED));

        assertThat(restarted.index().lookup(NEW_REP)).singleElement()
                .satisfies(r -> assertThat(r.binding().capacity()).contains("legal representative"));
        assertThat(restarted.index().lookup(OLD_REP)).isEmpty();
    }
}
