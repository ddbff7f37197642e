package credit.platform.gateway.audit.domain;

import java.time.Instant;
import java.util.List;

/**
 * One link of the audit chain: who (client, agency), why (purpose), whose data (subject
 * references: subject ids and identifier fingerprints, never an ID number), where (method,
 * route pattern) and how it ended (HTTP status the client was sent). {@code hash} is a MAC under
 * chain key {@code keyId} over every field and the previous entry's hash, so altering, deleting or
 * reordering any entry breaks the chain, and nobody without the key can write one that fits.
 */
public record AuditEntry(
        long sequence,
        Instant time,
        String clientId,
        String agency,
        String purpose,
        List<String> subjectRefs,
        String method,
        String route,
        int status,
        String previousHash,
        String hash,
        String keyId) {

    public AuditEntry {
        subjectRefs = List.copyOf(subjectRefs);
    }

    /** What is recorded before it gets its place in the chain. */
    public record Draft(Instant time, String clientId, String agency, String purpose, List<String> subjectRefs,
            String method, String route, int status) {

        public Draft {
            subjectRefs = List.copyOf(subjectRefs);
        }

        /** This draft as entry {@code sequence}, chained to {@code previousHash} under the current key. */
        public AuditEntry chainedAfter(long sequence, String previousHash, ChainKeys keys) {
            String hash = AuditChain.hashOf(keys, keys.currentId(), sequence, previousHash, this);
            return new AuditEntry(sequence, time, clientId, agency, purpose, subjectRefs, method, route, status,
                    previousHash, hash, keys.currentId());
        }
    }

    public Draft draft() {
        return new Draft(time, clientId, agency, purpose, subjectRefs, method, route, status);
    }
}
