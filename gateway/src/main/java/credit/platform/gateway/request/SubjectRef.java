package credit.platform.gateway.request;

import java.util.Objects;

/**
 * Whose data a request touches, as the gateway knows it before the audit turns it into a stored
 * reference: a registry subject id, a list record id, or an identifier in its canonical form (the
 * identifier kernel's key, e.g. {@code RESIDENT_ID:11010519491231002X}). Canonical identifiers are
 * only held in memory; the audit stores a keyed fingerprint of them, never the number.
 */
public sealed interface SubjectRef {

    record SubjectId(String id) implements SubjectRef {
        public SubjectId {
            Objects.requireNonNull(id);
        }
    }

    record RecordId(String id) implements SubjectRef {
        public RecordId {
            Objects.requireNonNull(id);
        }
    }

    /**
     * @param scheme the identifier scheme ({@code RESIDENT_ID}, {@code USCC}, {@code PASSPORT}, …)
     * @param key    the canonical key ({@link CanonicalIdentifiers#key})
     */
    record IdentifierKey(String scheme, String key) implements SubjectRef {
        public IdentifierKey {
            Objects.requireNonNull(scheme);
            Objects.requireNonNull(key);
        }

        @Override
        public String toString() {
            return "IdentifierKey[" + scheme + ", (withheld)]";
        }
    }
}
