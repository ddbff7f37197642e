package credit.platform.lists.definition.domain;

import credit.platform.identifiers.ChinaTime;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a list's records last (docs/domain.md, "Terms"). All periods are calendar periods counted
 * from the first effective day ({@link ChinaTime#lastDay}): a 2-year record from 2026-11-01 is
 * effective through 2028-10-31, a 1-year record from 2023-03-01 through 2024-02-29 (366 days), one
 * from 2024-02-29 through 2025-02-28. An extension continues the term by another calendar period
 * from the day after its last day. The sanctions service caps measures with the same arithmetic.
 *
 * @param defaultDuration     the term when the authority names no end; {@code null} when the list has
 *                            no fixed term (its records last until a deletion or removal ground)
 * @param minDuration         the shortest term an authority may set (e.g. 3 months for a general
 *                            administrative penalty); {@code null} for none
 * @param maxDuration         the longest term before extensions; {@code null} means the default is
 *                            the longest
 * @param minExtension        the shortest extension (SPC: 1 year); {@code null} when not extendable
 * @param maxExtension        the longest extension in all (SPC: 3 years); {@code null} when not
 *                            extendable
 * @param untilDeletionGround whether a record may last until a deletion ground arises instead of a
 *                            fixed term (SPC ground 1, the SAMR abnormal list until cured)
 */
public record TermPolicy(
        Period defaultDuration,
        Period minDuration,
        Period maxDuration,
        Period minExtension,
        Period maxExtension,
        boolean untilDeletionGround) {

    public TermPolicy {
        if (defaultDuration == null && !untilDeletionGround) {
            throw new IllegalArgumentException("a list needs a default duration or records that last until a deletion ground");
        }
        if ((minExtension == null) != (maxExtension == null)) {
            throw new IllegalArgumentException("an extension needs both a minimum and a maximum");
        }
    }

    /** The longest a record may last, extensions included; {@code null} when there is no cap. */
    public Period maximum() {
        Period base = maxDuration != null ? maxDuration : defaultDuration;
        if (base == null) {
            return null;
        }
        return maxExtension == null ? base : base.plus(maxExtension);
    }

    /**
     * The term of a new record.
     *
     * @param from                         the first effective day
     * @param requestedUntil               the last effective day the authority asked for, or {@code null}
     *                                     for the list's default
     * @param untilDeletionGroundRequested the authority asks for no fixed end (e.g. SPC ground 1)
     * @throws RuleViolationException naming {@code effectiveUntil} (or {@code untilDeletionGround}) and
     *                                the rule broken
     */
    public Term resolve(LocalDate from, LocalDate requestedUntil, boolean untilDeletionGroundRequested) {
        List<RuleViolation> violations = new ArrayList<>();
        if (untilDeletionGroundRequested) {
            if (!untilDeletionGround) {
                violations.add(new RuleViolation("untilDeletionGround", "fixed-term-only",
                        "records on this list have a fixed term; they cannot last until a deletion ground"));
            }
            if (requestedUntil != null) {
                violations.add(new RuleViolation("effectiveUntil", "until-deletion-ground",
                        "a record that lasts until a deletion ground has no effectiveUntil"));
            }
            if (!violations.isEmpty()) {
                throw new RuleViolationException(violations);
            }
            return new Term(from, null);
        }
        if (requestedUntil == null) {
            return defaultDuration == null ? new Term(from, null) : new Term(from, lastDay(from, defaultDuration));
        }
        if (requestedUntil.isBefore(from)) {
            throw new RuleViolationException("effectiveUntil", "not-before-effective-from",
                    "effectiveUntil " + requestedUntil + " is before effectiveFrom " + from);
        }
        Period maximum = maximum();
        if (maximum != null && requestedUntil.isAfter(lastDay(from, maximum))) {
            violations.add(new RuleViolation("effectiveUntil", "max-duration",
                    "records on this list last at most " + maximum + ": the last effective day can be "
                            + lastDay(from, maximum) + ", not " + requestedUntil));
        }
        if (minDuration != null && requestedUntil.isBefore(lastDay(from, minDuration))) {
            violations.add(new RuleViolation("effectiveUntil", "min-duration",
                    "records on this list last at least " + minDuration + ": the last effective day must be "
                            + lastDay(from, minDuration) + " or later, not " + requestedUntil));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return new Term(from, requestedUntil);
    }

    /**
     * The term after an extension (SPC: serious cases extended by 1 to 3 years, at most 5 in all).
     *
     * @throws RuleViolationException naming {@code extension} and the rule broken
     */
    public Term extend(Term term, Period extension) {
        if (maxExtension == null) {
            throw new RuleViolationException("extension", "not-extendable", "records on this list cannot be extended");
        }
        if (term.isOpenEnded()) {
            throw new RuleViolationException("extension", "open-ended",
                    "the record lasts until a deletion ground; there is no end to extend");
        }
        LocalDate next = term.until().plusDays(1);
        LocalDate extended = lastDay(next, extension);
        if (extended.isBefore(lastDay(next, minExtension))) {
            throw new RuleViolationException("extension", "min-extension",
                    "an extension is at least " + minExtension + ", not " + extension);
        }
        if (extended.isAfter(lastDay(next, maxExtension))) {
            throw new RuleViolationException("extension", "max-extension",
                    "an extension is at most " + maxExtension + ", not " + extension);
        }
        LocalDate latest = lastDay(term.from(), maximum());
        if (extended.isAfter(latest)) {
            throw new RuleViolationException("extension", "max-duration",
                    "records on this list last at most " + maximum() + " in all: the last effective day can be "
                            + latest + ", not " + extended);
        }
        return new Term(term.from(), extended);
    }

    /** The last effective day of a term of {@code length} starting on {@code from} (the platform's one rule). */
    static LocalDate lastDay(LocalDate from, Period length) {
        return ChinaTime.lastDay(from, length);
    }
}
