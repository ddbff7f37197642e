package credit.platform.sanctions.travel.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Signs decisions under one signature per group: a hash tree over the decisions, the signed root
 * (one ES256 JWS) and per decision its own {@link DecisionReceipt} with the inclusion proof.
 *
 * <p>A batch is one group ({@link #signAll}). Single answers (unary, stream) go through a group
 * commit ({@link #submit}): one signing thread takes whatever is waiting, signs it as one group and
 * completes each answer in submission order; while it signs, new answers queue for the next group.
 * No timer and no added wait: an idle service signs a lone answer at once (a group of one), a busy
 * one signs as many as arrived during the previous signature (bounded by {@value #MAX_GROUP}).
 */
public final class ReceiptSigner implements AutoCloseable {

    static final int MAX_GROUP = 4096;

    private final Receipts jws;
    private final Supplier<String> ids;
    private final Clock clock;
    private final long validitySeconds;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread thread;
    private volatile boolean closed;

    public ReceiptSigner(Receipts jws, Supplier<String> ids, Clock clock) {
        this(jws, ids, clock, java.time.Duration.ofDays(1));
    }

    /** @param validity how long a signed envelope is valid ({@code exp} = {@code iat} + this) */
    public ReceiptSigner(Receipts jws, Supplier<String> ids, Clock clock, java.time.Duration validity) {
        this.jws = jws;
        this.ids = ids;
        this.clock = clock;
        this.validitySeconds = validity.toSeconds();
    }

    /** The signed envelope (JWS over root and count) and each decision's receipt, in order. */
    public record Signed(String envelope, List<String> receipts) {
    }

    /** The signed envelope (JWS over root and count) and the tree the decisions' proofs come from. */
    public record SignedTree(String envelope, MerkleTree tree) {
    }

    /** One signature over the tree of these decisions; proofs are taken from the tree as needed. */
    public SignedTree signTree(List<byte[]> decisions) {
        List<byte[]> leaves = new ArrayList<>(decisions.size());
        java.security.MessageDigest md = MerkleTree.sha256();
        for (byte[] d : decisions) {
            leaves.add(MerkleTree.leafHash(md, d));
        }
        MerkleTree tree = MerkleTree.of(leaves);
        long now = clock.instant().getEpochSecond();
        return new SignedTree(jws.sign(DecisionReceipt.envelopeClaims(ids.get(), now, now + validitySeconds, tree)),
                tree);
    }

    public Signed signAll(List<byte[]> decisions) {
        SignedTree signedTree = signTree(decisions);
        MerkleTree tree = signedTree.tree();
        String envelope = signedTree.envelope();
        List<String> receipts = new ArrayList<>(decisions.size());
        for (int i = 0; i < decisions.size(); i++) {
            receipts.add(DecisionReceipt.serialize(envelope, decisions.get(i), i, tree));
        }
        return new Signed(envelope, receipts);
    }

    /**
     * The decision's receipt, signed together with whatever else is waiting. Futures complete on the
     * signing thread, in submission order.
     */
    public CompletableFuture<String> submit(byte[] decision) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("receipt signer closed"));
        }
        CompletableFuture<String> f = new CompletableFuture<>();
        queue.add(new Pending(decision, f));
        if (thread == null) {
            start();
        }
        return f;
    }

    private synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("receipt-signer").start(this::loop);
        }
    }

    private void loop() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (!closed) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            Signed signed;
            try {
                signed = signAll(group.stream().map(Pending::decision).toList());
            } catch (RuntimeException e) {
                group.forEach(p -> p.future().completeExceptionally(e));
                group.clear();
                continue;
            }
            for (int i = 0; i < group.size(); i++) {
                try {
                    group.get(i).future().complete(signed.receipts().get(i));
                } catch (RuntimeException callbackFailed) {
                    // a caller's continuation failed (e.g. its call was cancelled): the others still get theirs
                }
            }
            group.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        queue.forEach(p -> p.future().completeExceptionally(new IllegalStateException("receipt signer closed")));
    }

    private record Pending(byte[] decision, CompletableFuture<String> future) {
    }
}
