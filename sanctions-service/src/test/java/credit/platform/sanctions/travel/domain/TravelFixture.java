package credit.platform.sanctions.travel.domain;

import credit.platform.identifiers.IdentifierScheme;
import credit.platform.sanctions.enforcement.adapter.catalogue.CatalogueLoader;
import credit.platform.sanctions.enforcement.domain.Enforcement;
import credit.platform.sanctions.enforcement.domain.FakeSubjectDirectory;
import credit.platform.sanctions.enforcement.domain.FeedChange;
import credit.platform.sanctions.enforcement.domain.FeedRecord;
import credit.platform.sanctions.enforcement.domain.InMemoryIndexStore;
import credit.platform.sanctions.enforcement.domain.IndexMaintenance;
import credit.platform.sanctions.enforcement.domain.StalePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A travel-check use case over a real index fed by hand, with the registry faked and the clock movable. */
class TravelFixture {

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T02:00:00Z"));
    final FakeSubjectDirectory registry = new FakeSubjectDirectory();
    final InMemoryIndexStore store = new InMemoryIndexStore();
    final Enforcement enforcement;
    final IndexMaintenance maintenance;
    final List<DecisionLogEntry> logged = new ArrayList<>();
    final List<String> counted = new ArrayList<>();
    final CheckTravel checkTravel;
    final AtomicInteger ids = new AtomicInteger();
    long sequence;

    TravelFixture() {
        this(StalePolicy.ANSWER_FLAGGED);
    }

    TravelFixture(StalePolicy policy) {
        enforcement = new Enforcement(CatalogueLoader.fromClasspath(CatalogueLoader.DEFAULT), clock,
                Duration.ofMinutes(5), policy);
        maintenance = new IndexMaintenance(enforcement, registry, store);
        maintenance.beginSnapshot();
        maintenance.finishSnapshot(0);
        enforcement.connected(true);
        enforcement.markCaughtUp();
        enforcement.gradesConnected(true);
        enforcement.markGradesCaughtUp();
        Receipts receipts = new Receipts() {
            @Override
            public String sign(Map<String, Object> claims) {
                return "signed:" + claims.get("jti");
            }

            @Override
            public Optional<Map<String, Object>> verify(String receipt) {
                return Optional.empty();
            }

            @Override
            public Map<String, Object> publishedKeys() {
                return Map.of();
            }
        };
        checkTravel = new CheckTravel(enforcement, logged::add,
                (decision, mode, client) -> counted.add(decision + "/" + mode + "/" + client), receipts,
                () -> "TD-" + ids.incrementAndGet(), clock);
    }

    void feed(FeedRecord record) {
        maintenance.apply(new FeedChange(++sequence, record, clock.instant()));
    }

    Decision decide(String residentId, TravelMode mode, ServiceClass seat, String train) {
        return check(residentId, mode, seat, train, null).decision();
    }

    TravelCheckResult check(String residentId, TravelMode mode, ServiceClass seat, String train, Instant at) {
        return checkTravel.check(TravelCheck.of("p", IdentifierScheme.RESIDENT_ID, residentId, null, mode, seat, train, at,
                checkTravel.today()), "rail-demo");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant i) {
            now = i;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
