package credit.platform.scoring.score.domain;

import java.util.Objects;

/**
 * How a related subject's records reach the scored subject: through a relationship of a type, in a
 * direction seen from the scored subject. {@code OUTGOING}: the scored subject holds the role in the
 * related one (a person who is the legal representative of a company sees the company's records);
 * {@code INCOMING}: the related subject holds the role in the scored one (a company sees its legal
 * representative's records).
 */
public record Via(RelationType type, Direction direction) {

    public enum Direction {
        OUTGOING, INCOMING;

        public Direction reversed() {
            return this == OUTGOING ? INCOMING : OUTGOING;
        }
    }

    public Via {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
    }

    /** The same relationship seen from the other end. */
    public Via reversed() {
        return new Via(type, direction.reversed());
    }

    public String describe() {
        String role = type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return direction == Direction.INCOMING ? "of its " + role : "of a subject where it is " + role;
    }
}
