package credit.platform.gateway.audit.domain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chain's rules. Entry n's hash is an HMAC-SHA256, under a chain key only the gateway holds
 * ({@link ChainKeys}), over an unambiguous, length-prefixed encoding of n, entry n-1's hash and every
 * recorded field; entry 1 chains to {@link #GENESIS}. Without the key nobody can write an entry that
 * verifies: an altered, inserted or rehashed entry breaks the chain. {@link Verifier} walks the
 * entries in sequence order and reports the first one that breaks it; heads published outside the
 * database ({@link Anchor}) catch a cut tail.
 */
public final class AuditChain {

    /** The "previous hash" of entry 1. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Names the encoding; a changed encoding gets a new tag, so two encodings never collide. */
    static final String ENCODING = "credit-audit-v2";

    /**
     * The entry's MAC: HMAC-SHA256 under chain key {@code keyId} over the canonical encoding of
     * (encoding tag, key id, sequence, previous entry's MAC, every recorded field). The encoding is
     * unambiguous: each field is its UTF-8 length (4 bytes, big-endian; -1 for an absent value) then
     * its bytes, the subject references a count then each reference so encoded — no separator can
     * be smuggled into a value to merge or split fields.
     */
    static String hashOf(ChainKeys keys, String keyId, long sequence, String previousHash, AuditEntry.Draft d) {
        return keys.mac(keyId, canonical(keyId, sequence, previousHash, d));
    }

    static byte[] canonical(String keyId, long sequence, String previousHash, AuditEntry.Draft d) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            field(out, ENCODING);
            field(out, keyId);
            out.writeLong(sequence);
            field(out, previousHash);
            out.writeLong(d.time().toEpochMilli());
            field(out, d.clientId());
            field(out, d.agency());
            field(out, d.purpose());
            out.writeInt(d.subjectRefs().size());
            for (String ref : d.subjectRefs()) {
                field(out, ref);
            }
            field(out, d.method());
            field(out, d.route());
            out.writeInt(d.status());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
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
        private final ChainKeys keys;
        private final Map<Long, Anchor> anchors;
        private final long lastAnchored;
        private long expectedSequence = 1;
        private String previousHash = GENESIS;
        private Verdict broken;

        /** @param headSequence the sequence the chain head claims was appended last */
        public Verifier(long headSequence, ChainKeys keys) {
            this(headSequence, keys, List.of());
        }

        /** @param anchors heads published earlier outside the database; each must still be in the chain */
        public Verifier(long headSequence, ChainKeys keys, List<Anchor> anchors) {
            this.headSequence = headSequence;
            this.keys = keys;
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
            if (!keys.knows(entry.keyId())) {
                broken = Verdict.broken(checked, entry.sequence(), "chained under an unknown key");
                return;
            }
            if (!java.security.MessageDigest.isEqual(
                    AuditChain.hashOf(keys, entry.keyId(), entry.sequence(), entry.previousHash(), entry.draft())
                            .getBytes(StandardCharsets.US_ASCII),
                    entry.hash() == null ? new byte[0] : entry.hash().getBytes(StandardCharsets.US_ASCII))) {
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
