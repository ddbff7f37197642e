package credit.platform.lists.record.domain;

import credit.platform.identifiers.IdentifierScheme;

/**
 * How a person's identifier appears on a public list (docs/portal.md, "What the public sees"): as the
 * source systems publish it, the first four and the last four characters of an 18-character resident
 * ID with the ten between (region, birth date, sequence) starred, {@code 1101**********002X}; of any
 * other personal document only the last four. A company's USCC is public and shown whole.
 */
public final class IdentifierMask {

    private IdentifierMask() {
    }

    public static String publicForm(SubjectIdentifier id) {
        String v = id.value();
        if (id.scheme() == IdentifierScheme.USCC) {
            return v;
        }
        if (id.scheme() == IdentifierScheme.RESIDENT_ID && v.length() == 18) {
            return v.substring(0, 4) + "*".repeat(10) + v.substring(14);
        }
        if (v.length() <= 4) {
            return "*".repeat(v.length());
        }
        return "*".repeat(v.length() - 4) + v.substring(v.length() - 4);
    }
}
