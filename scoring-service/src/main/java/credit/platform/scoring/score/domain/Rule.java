package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a scoring model: the points each matching list record is worth, optionally capped,
 * optionally decaying with the record's age. A rule matches either one list ({@code listId}) or
 * every list of a kind ({@code listKind}), optionally only records on one legal ground, and either
 * the subject's own records ({@code via == null}) or those of subjects related to it through
 * {@code via} (contagion). A record is scored by the first rule of the model that matches it, so
 * rules naming a list come before the catch-all rules for its kind.
 *
 * @param pointsPerRecord negative for adverse records, positive for red-list records
 * @param cap             the most this rule may add or take away in all (a magnitude, e.g. 200 for
 *                        at most −200), or {@code null} for no cap
 * @param legalGround     only records on this ground, or {@code null} for any
 * @param decay           how the points fade with the record's age, or {@code null} for never
 * @param via             the relationship a related subject's record reaches through, or
 *                        {@code null} for the subject's own records
 */
public record Rule(String id, String listId, ListKind listKind, long pointsPerRecord, Long cap, String description,
        String legalGround, Decay decay, Via via) {

    public Rule {
        Objects.requireNonNull(id, "id");
        if ((listId == null) == (listKind == null)) {
            throw new IllegalArgumentException("rule " + id + " must match exactly one of a list id or a list kind");
        }
        if (cap != null && cap < 0) {
            throw new IllegalArgumentException("rule " + id + ": cap is a magnitude and must not be negative");
        }
        description = description == null ? id : description;
    }

    public Rule(String id, String listId, ListKind listKind, long pointsPerRecord, Long cap, String description) {
        this(id, listId, listKind, pointsPerRecord, cap, description, null, null, null);
    }

    public static Rule perRecordOnList(String id, String listId, long points, String description) {
        return new Rule(id, listId, null, points, null, description);
    }

    public static Rule perRecordOfKind(String id, ListKind kind, long points, String description) {
        return new Rule(id, null, kind, points, null, description);
    }

    public Rule cappedAt(long magnitude) {
        return new Rule(id, listId, listKind, pointsPerRecord, magnitude, description, legalGround, decay, via);
    }

    public Rule onGround(String ground) {
        return new Rule(id, listId, listKind, pointsPerRecord, cap, description, ground, decay, via);
    }

    public Rule decaying(Decay decay) {
        return new Rule(id, listId, listKind, pointsPerRecord, cap, description, legalGround, decay, via);
    }

    public Rule through(Via via) {
        return new Rule(id, listId, listKind, pointsPerRecord, cap, description, legalGround, decay, via);
    }

    public boolean matches(ListRecordFact record) {
        if (!Objects.equals(via, record.via())) {
            return false;
        }
        if (legalGround != null && !legalGround.equals(record.legalGround())) {
            return false;
        }
        return listId != null ? listId.equals(record.listId()) : listKind == record.listKind();
    }

    /** The points the record is worth at the instant (after decay). */
    public long pointsFor(ListRecordFact record, Instant at) {
        return decay == null ? pointsPerRecord : decay.apply(pointsPerRecord, record.effectiveFrom(), at);
    }
}
