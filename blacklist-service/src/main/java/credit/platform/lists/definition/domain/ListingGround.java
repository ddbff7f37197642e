package credit.platform.lists.definition.domain;

import java.util.Objects;

/**
 * One numbered listing ground of a list (the SPC list has six). Only a ground marked
 * {@code openEnded} may make a record last until a deletion ground arises (SPC ground 1: able to
 * perform but refuses — no fixed term); the others have the list's term.
 */
public record ListingGround(String code, String title, boolean openEnded) {

    public ListingGround {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }
}
