package credit.platform.gateway.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chain's rules. Entry n's hash is SHA-256 over n, entry n-1's hash and every recorded field;
 * entry 1 chains to {@link #GENESIS}. {@link Verifier} walks the entries in sequence order and
 * reports the first one that breaks the chain.
 */
public final class AuditChain {

    /** The "previous hash" of entry 1. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hashOf(long sequence, String previousHash, AuditEntry.Draft d) {
        StringBuilder canonical = new StringBuilder()
                .append(sequence).append('\n')
                .append(previousHash).append('\n')
                .append(d.time().toEpochMilli()).append('\n')
                .append(field(d.clientId())).append('\n')
                .append(field(d.agency())).append('\n')
                .append(field(d.purpose())).append('\n')
                .append(String.join(",", d.subjectRefs())).append('\n')
                .append(field(d.method())).append('\n')
                .append(field(d.route())).append('\n')
                .append(d.status());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String value) {
        return value == null ? "" : value.replace("\n", " ");
    }

    /**
     * A chain head published outside the database (the gateway logs one whenever the head moved;
     * operators keep those lines in write-once storage). The chain must still contain entry
     * {@code sequence} with exactly this hash: this catches what the chain alone cannot — a rewrite of
     * the whole collection and its head, or a cut tail with the head moved back.
     */
    public record Anchor(long sequence, String hash) {

        public Anchor {
            if (sequence < 1) {
                throw new IllegalArgumentException("an anchor's sequence starts at 1");
            }
            if (hash == null || !hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("an anchor's hash is 64 lowercase hex digits");
            }
        }

        /** {@code 17:ab12…} — the form the gateway logs and {@code /audit/verify?anchors=} takes. */
        public static Anchor parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("an anchor is <sequence>:<hash>");
            }
            try {
                return new Anchor(Long.parseLong(text.substring(0, colon).strip()), text.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("an anchor's sequence is a number");
            }
        }

        @Override
        public String toString() {
            return sequence + ":" + hash;
        }
    }

    /** The outcome of a verification. {@code firstBrokenSequence} is 0 when the chain holds. */
    public record Verdict(boolean intact, long entriesChecked, long firstBrokenSequence, String reason) {

        static Verdict ok(long checked) {
            return new Verdict(true, checked, 0, null);
        }

        static Verdict broken(long checked, long sequence, String reason) {
            return new Verdict(false, checked, sequence, reason);
        }
    }

    /** Feed entries in ascending storage order, then ask for the verdict. */
    public static final class Verifier {

        private final long headSequence;
        private final Map<Long, Anchor> anchors;
        private final long lastAnchored;
        private long expectedSequence = 1;
        private String previousHash = GENESIS;
        private Verdict broken;

        /** @param headSequence the sequence the chain head claims was appended last */
        public Verifier(long headSequence) {
            this(headSequence, List.of());
        }

        /** @param anchors heads published earlier outside the database; each must still be in the chain */
        public Verifier(long headSequence, List<Anchor> anchors) {
            this.headSequence = headSequence;
            this.anchors = anchors.stream().collect(Collectors.toMap(Anchor::sequence, Function.identity(), (a, b) -> a));
            this.lastAnchored = anchors.stream().map(Anchor::sequence).max(Comparator.naturalOrder()).orElse(0L);
        }

        public void accept(AuditEntry entry) {
            if (broken != null) {
                return;
            }
            long checked = expectedSequence - 1;
            if (entry.sequence() != expectedSequence) {
                broken = Verdict.broken(checked, expectedSequence, entry.sequence() > expectedSequence
                        ? "entry " + expectedSequence + " is missing"
                        : "entry " + entry.sequence() + " is out of order");
                return;
            }
            if (!entry.previousHash().equals(previousHash)) {
                broken = Verdict.broken(checked, entry.sequence(), "does not chain to the entry before it");
                return;
            }
            if (!AuditChain.hashOf(entry.sequence(), entry.previousHash(), entry.draft()).equals(entry.hash())) {
                broken = Verdict.broken(checked, entry.sequence(), "content does not match its hash");
                return;
            }
            Anchor anchor = anchors.get(entry.sequence());
            if (anchor != null && !anchor.hash().equals(entry.hash())) {
                broken = Verdict.broken(checked, entry.sequence(), "differs from the head published at "
                        + entry.sequence() + " (the chain was rewritten)");
                return;
            }
            previousHash = entry.hash();
            expectedSequence++;
        }

        public Verdict verdict() {
            if (broken != null) {
                return broken;
            }
            long last = expectedSequence - 1;
            if (last < lastAnchored) {
                return Verdict.broken(last, last + 1, "entries after " + last + " are missing (a head was published at "
                        + lastAnchored + ")");
            }
            if (last < headSequence) {
                return Verdict.broken(last, last + 1, "entries after " + last + " are missing (head is at "
                        + headSequence + ")");
            }
            return Verdict.ok(last);
        }
    }
}
