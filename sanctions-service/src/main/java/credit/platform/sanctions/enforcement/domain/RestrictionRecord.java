package credit.platform.sanctions.enforcement.domain;

import java.time.Instant;

/**
 * A record that triggers measures, as the index holds it: list, authority and effective window —
 * nothing else of the dossier.
 *
 * @param effectiveUntil exclusive (start of the day after the last day); {@code null} until a deletion ground arises
 * @param binding        {@code null} for the listed subject itself; set for a person bound through a listed company
 */
public record RestrictionRecord(String recordId, String listId, String listKind, String authority,
        Instant effectiveFrom, Instant effectiveUntil, Binding binding) {

    /** In effect at the instant (and, through a company, the person held the role then). */
    public boolean bindsAt(Instant at) {
        return (effectiveFrom == null || !effectiveFrom.isAfter(at))
                && (effectiveUntil == null || effectiveUntil.isAfter(at))
                && (binding == null || binding.heldAt(at));
    }

    public RestrictionRecord boundThrough(Binding b) {
        return new RestrictionRecord(recordId, listId, listKind, authority, effectiveFrom, effectiveUntil, b);
    }
}
