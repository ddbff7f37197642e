package credit.platform.scoring.score.domain;

import java.util.Objects;

/**
 * One line of a scoring model: the points each matching list record is worth, optionally capped.
 * A rule matches either one list ({@code listId}) or every list of a kind ({@code listKind}); a
 * record is scored by the first rule of the model that matches it, so rules naming a list come
 * before the catch-all rules for its kind.
 *
 * @param pointsPerRecord negative for adverse records, positive for red-list records
 * @param cap             the most this rule may add or take away in all (a magnitude, e.g. 200 for
 *                        at most −200), or {@code null} for no cap
 */
public record Rule(String id, String listId, ListKind listKind, long pointsPerRecord, Long cap, String description) {

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

    public static Rule perRecordOnList(String id, String listId, long points, String description) {
        return new Rule(id, listId, null, points, null, description);
    }

    public static Rule perRecordOfKind(String id, ListKind kind, long points, String description) {
        return new Rule(id, null, kind, points, null, description);
    }

    public Rule cappedAt(long magnitude) {
        return new Rule(id, listId, listKind, pointsPerRecord, magnitude, description);
    }

    public boolean matches(ListRecordFact record) {
        return listId != null ? listId.equals(record.listId()) : listKind == record.listKind();
    }
}
