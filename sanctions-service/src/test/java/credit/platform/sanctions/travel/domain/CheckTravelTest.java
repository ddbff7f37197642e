package credit.platform.sanctions.travel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The use case with in-memory ports: resolve, decide at departure, log only DENYs, fail closed. */
class CheckTravelTest {

    static final Instant LISTED_UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    static final String DEBTOR_ID = "11010519491231002X";

    final Map<String, String> registry = new HashMap<>(Map.of(DEBTOR_ID, "subj-debtor"));
    final Map<String, List<TravelRecord>> lists = new HashMap<>(Map.of("subj-debtor", List.of(
            new TravelRecord("rec-9", "spc-dishonest-debtors", "SPC court", Instant.parse("2025-01-01T00:00:00Z"),
                    LISTED_UNTIL))));
    final List<DecisionLogEntry> log = new ArrayList<>();
    final List<String> counts = new ArrayList<>();
    final AtomicInteger refs = new AtomicInteger();
    boolean listsDown;

    CheckTravel useCase(Instant now) {
        IdentityResolver identities = doc -> Optional.ofNullable(registry.get(doc.value()));
        RecordSource records = subject -> {
            if (listsDown) {
                throw new SourceUnavailableException("lists", null);
            }
            return lists.getOrDefault(subject, List.of());
        };
        return new CheckTravel(identities, records, log::add, (d, m) -> counts.add(d + "/" + m),
                () -> "TD-" + refs.incrementAndGet(), Clock.fixed(now, ZoneOffset.UTC));
    }

    static TravelCheck flightFor(String documentValue, Instant departure) {
        return TravelCheck.of("pnr-" + documentValue, DocumentScheme.RESIDENT_ID, documentValue, "", TravelMode.AIR,
                ServiceClass.AIR_ECONOMY, null, departure);
    }

    @Test
    void listedDebtorIsDeniedAndTheDenyIsLoggedWithoutDocumentNumber() {
        TravelCheckResult result = useCase(LISTED_UNTIL.minus(Duration.ofDays(1))).check(flightFor(DEBTOR_ID, null));

        assertThat(result.decision().decision()).isEqualTo(Decision.DENY);
        assertThat(result.decisionReference()).isEqualTo("TD-1");
        assertThat(log).singleElement().satisfies(entry -> {
            assertThat(entry.reference()).isEqualTo("TD-1");
            assertThat(entry.subjectId()).isEqualTo("subj-debtor");
            assertThat(entry.recordId()).isEqualTo("rec-9");
            assertThat(entry.toString()).doesNotContain(DEBTOR_ID);
        });
        assertThat(counts).containsExactly("DENY/AIR");
    }

    @Test
    void expiredRecordNoLongerDeniesTravel() {
        TravelCheckResult result = useCase(LISTED_UNTIL.plusSeconds(1)).check(flightFor(DEBTOR_ID, null));

        assertThat(result.decision().decision()).isEqualTo(Decision.ALLOW);
        assertThat(log).isEmpty();
    }

    @Test
    void ticketBoughtNowForADepartureAfterTheRecordEndsIsAllowed() {
        TravelCheckResult result = useCase(LISTED_UNTIL.minus(Duration.ofDays(10)))
                .check(flightFor(DEBTOR_ID, LISTED_UNTIL.plus(Duration.ofDays(1))));

        assertThat(result.decision().decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void passengerUnknownToTheRegistryIsAllowedAndLeavesOnlyACount() {
        TravelCheckResult result = useCase(Instant.parse("2026-05-01T00:00:00Z")).check(flightFor("OTHER", null));

        assertThat(result.decision().decision()).isEqualTo(Decision.ALLOW);
        assertThat(result.decisionReference()).isEmpty();
        assertThat(log).isEmpty();
        assertThat(counts).containsExactly("ALLOW/AIR");
    }

    @Test
    void batchKeepsOrderAndListsOutageFailsTheWholeBatchWithNothingLogged() {
        CheckTravel checks = useCase(Instant.parse("2026-05-01T00:00:00Z"));
        List<TravelCheckResult> results = checks.checkAll(List.of(flightFor("A", null), flightFor(DEBTOR_ID, null),
                flightFor("B", null)));
        assertThat(results).extracting(TravelCheckResult::passengerRef).containsExactly("pnr-A", "pnr-" + DEBTOR_ID, "pnr-B");
        assertThat(results).extracting(r -> r.decision().decision())
                .containsExactly(Decision.ALLOW, Decision.DENY, Decision.ALLOW);

        log.clear();
        listsDown = true;
        assertThatThrownBy(() -> checks.checkAll(List.of(flightFor(DEBTOR_ID, null), flightFor(DEBTOR_ID, null))))
                .isInstanceOf(SourceUnavailableException.class);
        assertThat(log).isEmpty();
    }
}
