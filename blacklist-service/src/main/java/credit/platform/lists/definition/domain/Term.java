package credit.platform.lists.definition.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The period a record is effective: from {@code from} through {@code until}, both days included.
 *
 * @param from  the first effective day
 * @param until the last effective day; {@code null} while the record lasts until a deletion ground
 *              arises (e.g. SPC ground 1, an uncured SAMR abnormality)
 */
public record Term(LocalDate from, LocalDate until) {

    public Term {
        Objects.requireNonNull(from, "from");
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("a term cannot end (" + until + ") before it starts (" + from + ")");
        }
    }

    public boolean isOpenEnded() {
        return until == null;
    }

    /** True once the last effective day is behind {@code today}. */
    public boolean hasEndedBy(LocalDate today) {
        return until != null && today.isAfter(until);
    }
}
