package credit.platform.sanctions.travel.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer's receipt: {@code <JWS>~<decision>~<index>:<count>[:<sibling>…]}.
 * <ul>
 * <li>{@code JWS}: compact JWS (ES256) signed by this service over the envelope
 * {@code {iss, jti, iat, exp, typ:"merkle-sha256", merkleRoot, count}} — one signature covers every
 * decision of a batch, of a stream chunk, or of the unary answers signed together;</li>
 * <li>{@code decision}: base64url of the decision's claims (JSON: jti = decision id, decision,
 * reasons, passengerRef, documentHmac (keyed digest of the document), mode, seatClass, travelAt, asOf…,
 * client, exp, aud);</li>
 * <li>the inclusion proof: the decision's index, the count and the sibling hashes (base64url) of
 * {@link MerkleTree} up to {@code merkleRoot}.</li>
 * </ul>
 * A compact JWS never contains {@code ~}, so the part before the first {@code ~} is a standard JWS
 * any JOSE library verifies with the published key; the rest is checked with SHA-256 alone.
 */
public record DecisionReceipt(String envelope, byte[] decision, int index, int count, List<byte[]> proof) {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    static final Base64.Decoder B64D = Base64.getUrlDecoder();

    public static final String ENVELOPE_TYPE = "merkle-sha256";

    /** Envelope claims for a tree's root. */
    public static Map<String, Object> envelopeClaims(String id, long issuedAt, MerkleTree tree) {
        return envelopeClaims(id, issuedAt, issuedAt + 86_400, tree);
    }

    /** Envelope claims for a tree's root, valid until {@code expiresAt} (epoch seconds, JWT {@code exp}). */
    public static Map<String, Object> envelopeClaims(String id, long issuedAt, long expiresAt, MerkleTree tree) {
        return Map.of("iss", CheckTravel.ISSUER, "jti", id, "iat", issuedAt, "exp", expiresAt, "typ", ENVELOPE_TYPE,
                "merkleRoot", B64.encodeToString(tree.root()), "count", tree.count());
    }

    public String serialize() {
        StringBuilder s = new StringBuilder(envelope.length() + decision.length * 4 / 3 + 16 + proof.size() * 44);
        s.append(envelope).append('~').append(B64.encodeToString(decision)).append('~').append(index).append(':')
                .append(count);
        for (byte[] p : proof) {
            s.append(':').append(B64.encodeToString(p));
        }
        return s.toString();
    }

    /** The same text as {@link #serialize()} of the receipt of leaf {@code index} of {@code tree}. */
    static String serialize(String envelope, byte[] decision, int index, MerkleTree tree) {
        StringBuilder s = new StringBuilder(envelope.length() + decision.length * 4 / 3 + 16 + 44 * 12);
        s.append(envelope).append('~').append(B64.encodeToString(decision)).append('~').append(index).append(':')
                .append(tree.count());
        tree.appendEncodedProof(index, s);
        return s.toString();
    }

    /** A receipt in this form; empty for a plain JWS (the first version's form) or anything unreadable. */
    public static Optional<DecisionReceipt> parse(String receipt) {
        String[] parts = receipt.split("~", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String[] path = parts[2].split(":", -1);
            List<byte[]> proof = new ArrayList<>(path.length);
            for (int i = 2; i < path.length; i++) {
                proof.add(B64D.decode(path[i]));
            }
            return Optional.of(new DecisionReceipt(parts[0], B64D.decode(parts[1]), Integer.parseInt(path[0]),
                    Integer.parseInt(path[1]), proof));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * The compact form of a batch answer: the batch's envelope (sent once per batch), the answer's
     * decision bytes, its index and its sibling hashes concatenated (32 bytes each, leaf to root).
     * The count is the envelope's (signed); empty when the proof bytes are not whole hashes.
     */
    public static Optional<DecisionReceipt> compact(String envelope, byte[] decision, int index, byte[] siblings) {
        return MerkleTree.splitProof(siblings).map(p -> new DecisionReceipt(envelope, decision, index, COUNT_OF_ENVELOPE, p));
    }

    /** {@link #count()} of a compact receipt: the envelope's signed count applies. */
    public static final int COUNT_OF_ENVELOPE = -1;

    /** Whether the decision bytes, index and proof lead to this root. */
    public boolean provesRoot(String merkleRootB64, long signedCount) {
        try {
            return (count == COUNT_OF_ENVELOPE || signedCount == count) && signedCount <= Integer.MAX_VALUE
                    && MerkleTree.provesRoot(MerkleTree.leafHash(decision), index, (int) signedCount, proof,
                            B64D.decode(merkleRootB64));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String decisionJson() {
        return new String(decision, StandardCharsets.UTF_8);
    }
}
