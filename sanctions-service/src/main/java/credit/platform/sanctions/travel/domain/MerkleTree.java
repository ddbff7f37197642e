package credit.platform.sanctions.travel.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A SHA-256 hash tree over the decisions one signature covers, so any single decision is provable
 * on its own: its leaf, its index, the count and the sibling hashes up to the signed root.
 *
 * <p>Leaf = SHA-256(0x00 ‖ decision bytes), node = SHA-256(0x01 ‖ left ‖ right) (the domain
 * separation of RFC 6962, so a node can never pass for a leaf). Levels pair left to right; an odd
 * last node moves up unchanged (no sibling consumed). The path is determined by index and count.
 */
public final class MerkleTree {

    /** Bytes of a SHA-256 hash: every node and sibling. */
    public static final int HASH = 32;

    private final List<byte[][]> levels;
    private final List<String[]> encoded = new ArrayList<>();

    private MerkleTree(List<byte[][]> levels) {
        this.levels = levels;
    }

    /** The tree over these leaf hashes (at least one), in order. */
    public static MerkleTree of(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("a tree needs at least one leaf");
        }
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = leafHashes.toArray(byte[][]::new);
        levels.add(level);
        MessageDigest md = sha256();
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < level.length; i += 2) {
                up[i / 2] = i + 1 < level.length ? node(md, level[i], level[i + 1]) : level[i];
            }
            levels.add(up);
            level = up;
        }
        return new MerkleTree(levels);
    }

    public byte[] root() {
        return levels.getLast()[0];
    }

    public int count() {
        return levels.getFirst().length;
    }

    /** The sibling hashes from the leaf at {@code index} up to the root. */
    public List<byte[]> proof(int index) {
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            byte[][] level = levels.get(l);
            int sibling = (i & 1) == 1 ? i - 1 : i + 1;
            if (sibling < level.length) {
                path.add(level[sibling]);
            }
            i /= 2;
        }
        return path;
    }

    /** The sibling hashes from the leaf at {@code index} up to the root, concatenated (32 bytes each). */
    public byte[] proofBytes(int index) {
        int n = 0;
        for (int l = 0, i = index; l < levels.size() - 1; l++, i /= 2) {
            if (((i & 1) == 1 ? i - 1 : i + 1) < levels.get(l).length) {
                n++;
            }
        }
        byte[] out = new byte[n * HASH];
        int at = 0;
        for (int l = 0, i = index; l < levels.size() - 1; l++, i /= 2) {
            byte[][] level = levels.get(l);
            int sibling = (i & 1) == 1 ? i - 1 : i + 1;
            if (sibling < level.length) {
                System.arraycopy(level[sibling], 0, out, at, HASH);
                at += HASH;
            }
        }
        return out;
    }

    /** Concatenated 32-byte sibling hashes back into a list; empty when the length is not a multiple of 32. */
    public static java.util.Optional<List<byte[]>> splitProof(byte[] siblings) {
        if (siblings.length % HASH != 0) {
            return java.util.Optional.empty();
        }
        List<byte[]> out = new ArrayList<>(siblings.length / HASH);
        for (int at = 0; at < siblings.length; at += HASH) {
            out.add(Arrays.copyOfRange(siblings, at, at + HASH));
        }
        return java.util.Optional.of(out);
    }

    /**
     * The proof as {@code :}-prefixed base64url sibling hashes, each node encoded once per tree
     * (a batch's proofs share most of their nodes). Not thread-safe: one thread per tree.
     */
    void appendEncodedProof(int index, StringBuilder out) {
        if (encoded.isEmpty()) {
            for (byte[][] level : levels) {
                encoded.add(new String[level.length]);
            }
        }
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            byte[][] level = levels.get(l);
            int sibling = (i & 1) == 1 ? i - 1 : i + 1;
            if (sibling < level.length) {
                String[] names = encoded.get(l);
                if (names[sibling] == null) {
                    names[sibling] = DecisionReceipt.B64.encodeToString(level[sibling]);
                }
                out.append(':').append(names[sibling]);
            }
            i /= 2;
        }
    }

    /** The root the proof leads to from this leaf hash; empty array when the proof does not fit index and count. */
    public static byte[] rootFrom(byte[] leafHash, int index, int count, List<byte[]> proof) {
        if (count < 1 || index < 0 || index >= count) {
            return new byte[0];
        }
        byte[] h = leafHash;
        int i = index;
        int width = count;
        int used = 0;
        while (width > 1) {
            boolean right = (i & 1) == 1;
            if (right || i + 1 < width) {
                if (used >= proof.size()) {
                    return new byte[0];
                }
                byte[] sibling = proof.get(used++);
                h = right ? node(sibling, h) : node(h, sibling);
            }
            i /= 2;
            width = (width + 1) / 2;
        }
        return used == proof.size() ? h : new byte[0];
    }

    public static boolean provesRoot(byte[] leafHash, int index, int count, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFrom(leafHash, index, count, proof);
        return computed.length > 0 && MessageDigest.isEqual(computed, root);
    }

    public static byte[] leafHash(byte[] decision) {
        return leafHash(sha256(), decision);
    }

    /** The leaf hash with a digest the caller reuses (one per thread). */
    static byte[] leafHash(MessageDigest md, byte[] decision) {
        md.update((byte) 0);
        return md.digest(decision);
    }

    static byte[] node(byte[] left, byte[] right) {
        return node(sha256(), left, right);
    }

    private static byte[] node(MessageDigest md, byte[] left, byte[] right) {
        md.update((byte) 1);
        md.update(left);
        return md.digest(right);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MerkleTree[" + count() + " leaves, root " + Arrays.hashCode(root()) + "]";
    }
}
