package credit.platform.scoring.score.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A rule on a subject's permits of one kind (the registry's permit type, e.g.
 * {@code food-business-licence}).
 * <ul>
 * <li>{@link Condition#EXPIRED}: each permit of the kind whose term has ended while the subject holds
 * no valid permit of the kind (a renewed permit is not held against it) — one line per lapsed permit,
 * source {@code permit:<id>}; decay counts from the day it lapsed.</li>
 * <li>{@link Condition#MISSING}: the subject holds no valid permit of the kind at the instant (none
 * at all, or only withdrawn, not yet valid or lapsed ones) — one line, source
 * {@code permit-missing:<kind>}. Missing is a state, not an event: it does not decay.</li>
 * </ul>
 * Rules for one kind are tried in model order and the first whose condition holds takes the kind,
 * so an {@code EXPIRED} rule placed before a {@code MISSING} rule catches lapsed permits and the
 * {@code MISSING} rule catches a kind never held.
 *
 * @param pointsPerPermit negative for a penalty
 * @param cap             the most this rule may take away or add in all (a magnitude), or {@code null}
 * @param decay           how an expired permit's points fade after it lapsed, or {@code null}
 */
public record PermitRule(String id, String permitKind, Condition condition, long pointsPerPermit, Long cap,
        Decay decay, String description) {

    public enum Condition {
        EXPIRED, MISSING
    }

    public PermitRule {
        Objects.requireNonNull(id, "id");
        if (permitKind == null || permitKind.isBlank()) {
            throw new IllegalArgumentException("permit rule " + id + " must name the permit kind");
        }
        Objects.requireNonNull(condition, "condition");
        if (cap != null && cap < 0) {
            throw new IllegalArgumentException("rule " + id + ": cap is a magnitude and must not be negative");
        }
        if (condition == Condition.MISSING && decay != null) {
            throw new IllegalArgumentException("rule " + id + ": a missing permit is a state and does not decay");
        }
        description = description == null ? id : description;
    }

    /** The facts this rule holds against the subject at the instant (empty when its condition does not hold). */
    List<PermitFact> matching(List<PermitFact> permits, Instant at) {
        List<PermitFact> ofKind = permits.stream().filter(p -> p.kind().equals(permitKind)).toList();
        if (ofKind.stream().anyMatch(p -> p.validAt(at))) {
            return List.of();
        }
        return switch (condition) {
            case EXPIRED -> ofKind.stream().filter(p -> !p.withdrawn() && p.lapsedBy(at)).toList();
            case MISSING -> List.of(new PermitFact("missing", permitKind, "", "", null, null, false));
        };
    }

    String sourceRef(PermitFact fact) {
        return condition == Condition.MISSING ? "permit-missing:" + permitKind : fact.sourceRef();
    }

    long pointsFor(PermitFact fact, Instant at) {
        return decay == null || condition == Condition.MISSING ? pointsPerPermit
                : decay.apply(pointsPerPermit, fact.validUntil(), at);
    }
}
