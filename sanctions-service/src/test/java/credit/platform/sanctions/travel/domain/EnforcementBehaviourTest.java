package credit.platform.sanctions.travel.domain;

import credit.platform.identifiers.IdentifierScheme;
import static credit.platform.sanctions.enforcement.domain.Records.aRecord;
import static credit.platform.sanctions.enforcement.domain.Records.day;
import static credit.platform.sanctions.travel.domain.Decision.ALLOW;
import static credit.platform.sanctions.travel.domain.Decision.DENY;
import static credit.platform.sanctions.travel.domain.ServiceClass.AIR_ECONOMY;
import static credit.platform.sanctions.travel.domain.TravelMode.AIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import credit.platform.sanctions.enforcement.domain.BoundPerson;
import credit.platform.sanctions.enforcement.domain.DirectoryUnavailableException;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.FeedRecord;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.platform.sanctions.enforcement.domain.IndexNotCurrentException;
import credit.platform.sanctions.enforcement.domain.RecordState;
import credit.platform.sanctions.enforcement.domain.Role;
import credit.platform.sanctions.enforcement.domain.StalePolicy;
import credit.platform.sanctions.enforcement.domain.SubjectKey;
import credit.platform.sanctions.enforcement.adapter.catalogue.CatalogueLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the index follows the feed, and what that means for checks. */
class EnforcementBehaviourTest {

    static final String DEBTOR = "11010519491231002X";
    static final SubjectKey DEBTOR_ID = SubjectKey.residentId(DEBTOR);
    final TravelFixture f = new TravelFixture();

    TravelCheckResult flyWithPassport(String country, String number) {
        return f.checkTravel.check(TravelCheck.of("p", IdentifierScheme.PASSPORT, number, country, AIR, AIR_ECONOMY, null,
                null, f.checkTravel.today()), "airline-demo");
    }

    @Test
    void expiredRecordNoLongerDeniesTravelWithoutAnyCall() {
        f.feed(aRecord().about("subj-debtor", DEBTOR_ID).from(day(2026, 1, 1)).until(day(2026, 7, 1)).build());
        assertThat(f.decide(DEBTOR, AIR, AIR_ECONOMY, null)).isEqualTo(DENY);
        int registryCalls = f.registry.calls.get();
        long sequence = f.enforcement.sequence();

        f.clock.set(day(2026, 7, 1));

        assertThat(f.decide(DEBTOR, AIR, AIR_ECONOMY, null)).isEqualTo(ALLOW);
        assertThat(f.registry.calls.get()).isEqualTo(registryCalls);
        assertThat(f.enforcement.sequence()).isEqualTo(sequence);
    }

    @Test
    void aFutureTravelDateAfterTheRecordEndsIsAllowedAndBeforeItDenied() {
        f.feed(aRecord().about("subj-debtor", DEBTOR_ID).from(day(2026, 1, 1)).until(day(2026, 7, 1)).build());

        assertThat(f.check(DEBTOR, AIR, AIR_ECONOMY, null, day(2026, 6, 30)).decision()).isEqualTo(DENY);
        assertThat(f.check(DEBTOR, AIR, AIR_ECONOMY, null, day(2026, 7, 1)).decision()).isEqualTo(ALLOW);
    }

    @Test
    void removedRecordAllowsTheNextCheck() {
        FeedRecord listed = aRecord().about("subj-debtor", DEBTOR_ID).build();
        f.feed(listed);
        assertThat(f.decide(DEBTOR, AIR, AIR_ECONOMY, null)).isEqualTo(DENY);

        f.feed(aRecord().id(listed.recordId()).about("subj-debtor", DEBTOR_ID).state(RecordState.REMOVED).build());

        assertThat(f.decide(DEBTOR, AIR, AIR_ECONOMY, null)).isEqualTo(ALLOW);
        assertThat(f.store.entries).isEmpty();
    }

    @Test
    void disputedRecordStillDeniesUntilTheObjectionIsDecided() {
        FeedRecord listed = aRecord().about("subj-debtor", DEBTOR_ID).build();
        f.feed(listed);

        f.feed(aRecord().id(listed.recordId()).about("subj-debtor", DEBTOR_ID).state(RecordState.DISPUTED).build());

        assertThat(f.decide(DEBTOR, AIR, AIR_ECONOMY, null)).isEqualTo(DENY);
    }

    @Test
    void passportBoundToTheListedResidentIdIsDeniedToo() {
        f.registry.subject("subj-debtor", DEBTOR_ID, SubjectKey.passport("CHN", "E12345678"));

        f.feed(aRecord().about("subj-debtor", DEBTOR_ID).build());

        assertThat(flyWithPassport("CHN", "E12345678").decision()).isEqualTo(DENY);
        assertThat(flyWithPassport("CHN", "E12345679").decision()).isEqualTo(ALLOW);
        assertThat(flyWithPassport("HKG", "E12345678").decision()).isEqualTo(ALLOW);
    }

    @Test
    void legalRepresentativeOfAListedCompanyIsDeniedAsSuchWhileHeHoldsTheRole() {
        SubjectKey company = SubjectKey.uscc("91350200776049653A");
        f.registry.holding("subj-company", new BoundPerson(Role.LEGAL_REPRESENTATIVE, List.of(DEBTOR_ID),
                day(2020, 1, 1), day(2026, 9, 1)));

        f.feed(aRecord().about("subj-company", company).build());

        TravelCheckResult r = f.check(DEBTOR, AIR, AIR_ECONOMY, null, day(2026, 8, 31));
        assertThat(r.decision()).isEqualTo(DENY);
        assertThat(r.reasons().getFirst().capacity()).isEqualTo("as legal representative of 91350200776049653A");
        assertThat(f.check(DEBTOR, AIR, AIR_ECONOMY, null, day(2026, 9, 1)).decision())
                .as("no longer legal representative on the travel date").isEqualTo(ALLOW);
    }

    @Test
    void recordsOnListsNoRuleEnforcesAreNotIndexed() {
        f.feed(aRecord().on("samr-abnormal-operations").kind("IRREGULARITY").about("s", DEBTOR_ID).build());

        assertThat(f.decide(DEBTOR, AIR, AIR_ECONOMY, null)).isEqualTo(ALLOW);
        assertThat(f.enforcement.index().recordCount()).isZero();
        assertThat(f.enforcement.sequence()).isEqualTo(1);
    }

    @Test
    void registryDownWhileIndexingDeniesTheNamedIdentifierAtOnceAndLeavesTheChangeToBeReplayed() {
        f.registry.unavailable = true;
        FeedRecord listed = aRecord().about("subj-debtor", DEBTOR_ID).build();

        assertThatThrownBy(() -> f.feed(listed)).isInstanceOf(DirectoryUnavailableException.class);

        assertThat(f.decide(DEBTOR, AIR, AIR_ECONOMY, null)).isEqualTo(DENY);
        assertThat(f.enforcement.sequence()).isZero();
        f.registry.unavailable = false;
        f.registry.subject("subj-debtor", DEBTOR_ID, SubjectKey.passport("CHN", "E12345678"));
        f.sequence = 0;
        f.feed(listed);
        assertThat(flyWithPassport("CHN", "E12345678").decision()).isEqualTo(DENY);
        assertThat(f.enforcement.sequence()).isEqualTo(1);
    }

    @Test
    void aRestartRebuildsTheIndexFromTheStoreAndResumesAfterTheLastAppliedSequence() {
        f.registry.subject("subj-debtor", DEBTOR_ID, SubjectKey.passport("CHN", "E12345678"));
        f.feed(aRecord().about("subj-debtor", DEBTOR_ID).build());
        f.feed(aRecord().about("subj-2", SubjectKey.residentId("110105194912310038")).build());
        int registryCalls = f.registry.calls.get();

        Enforcement restarted = new Enforcement(CatalogueLoader.fromClasspath(CatalogueLoader.DEFAULT), f.clock,
                Duration.ofMinutes(5), StalePolicy.ANSWER_FLAGGED);
        long resumeAfter = new IndexMaintenance(restarted, f.registry, f.store).restore();
        restarted.markCaughtUp();
        restarted.markGradesCaughtUp();

        assertThat(resumeAfter).isEqualTo(2);
        assertThat(restarted.lookup(SubjectKey.passport("CHN", "E12345678")).records()).hasSize(1);
        assertThat(restarted.lookup(SubjectKey.residentId("110105194912310038")).records()).hasSize(1);
        assertThat(f.registry.calls.get()).as("rebuilt without asking the registry").isEqualTo(registryCalls);
    }

    @Test
    void aReplayedChangeIsIgnored() {
        FeedRecord listed = aRecord().about("subj-debtor", DEBTOR_ID).build();
        f.feed(listed);
        f.feed(aRecord().id(listed.recordId()).about("subj-debtor", DEBTOR_ID).state(RecordState.REMOVED).build());

        f.maintenance.apply(new credit.platform.sanctions.enforcement.domain.FeedChange(1, listed, f.clock.instant()));

        assertThat(f.decide(DEBTOR, AIR, AIR_ECONOMY, null)).isEqualTo(ALLOW);
    }

    @Test
    void beforeTheIndexHasCaughtUpChecksAreRefusedNeverAllowed() {
        Enforcement fresh = new Enforcement(CatalogueLoader.fromClasspath(CatalogueLoader.DEFAULT), f.clock,
                Duration.ofMinutes(5), StalePolicy.ANSWER_FLAGGED);

        assertThatThrownBy(() -> fresh.lookup(DEBTOR_ID)).isInstanceOf(IndexNotCurrentException.class);
    }

    @Test
    void aStaleFeedIsFlaggedOrRefusedAsConfigured() {
        TravelFixture refusing = new TravelFixture(StalePolicy.REFUSE);
        f.enforcement.connected(false);
        refusing.enforcement.connected(false);
        f.clock.advance(Duration.ofMinutes(6));
        refusing.clock.advance(Duration.ofMinutes(6));

        TravelCheckResult flagged = f.check(DEBTOR, AIR, AIR_ECONOMY, null, null);
        assertThat(flagged.asOf().stale()).isTrue();
        assertThat(flagged.asOf().time()).isEqualTo(f.clock.instant().minus(Duration.ofMinutes(6)));
        assertThatThrownBy(() -> refusing.check(DEBTOR, AIR, AIR_ECONOMY, null, null))
                .isInstanceOf(IndexNotCurrentException.class);
        assertThat(refusing.logged).isEmpty();
    }
}
