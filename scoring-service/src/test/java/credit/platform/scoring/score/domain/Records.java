package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-data builder: {@code aRecord().on("spc-dishonest-debtors", BLACK).until(t)}. */
final class Records {

    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    private static final AtomicInteger IDS = new AtomicInteger();

    private String id = "rec-" + String.format("%05d", IDS.incrementAndGet());
    private String listId = "spc-dishonest-debtors";
    private ListKind kind = ListKind.BLACK;
    private Instant from = NOW.minusSeconds(86_400);
    private Instant until;
    private String ground = "";

    static Records aRecord() {
        return new Records();
    }

    Records on(String listId, ListKind kind) {
        this.listId = listId;
        this.kind = kind;
        return this;
    }

    Records withId(String id) {
        this.id = id;
        return this;
    }

    Records from(Instant from) {
        this.from = from;
        return this;
    }

    Records until(Instant until) {
        this.until = until;
        return this;
    }

    Records onGround(String ground) {
        this.ground = ground;
        return this;
    }

    ListRecordFact build() {
        return new ListRecordFact(id, listId, kind, "AUTH", ground, from, until, null, null);
    }
}
