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
 * completes each answer in submission order; while it signs, new answers queue for the next group
 * (bounded by {@value #MAX_GROUP}). An idle service signs a lone answer at once (a group of one), with
 * no added wait. Under concurrent load the signer keeps at least {@code groupInterval} between the
 * starts of two signatures: without it, it signs groups of two or three back to back and one core
 * does nothing but ES256 (measured: 64 % of the service's CPU samples at 8 000 checks/s,
 * docs/benchmarks.md); with it, a group collects what arrives meanwhile. It lingers only after a
 * group of more than one (answers are coming concurrently), never for an answer that came alone, so
 * a single caller's latency is unchanged; the wait it adds under load is at most {@code groupInterval}.
 */
public final class ReceiptSigner implements AutoCloseable {

    static final int MAX_GROUP = 4096;

    private final Receipts jws;
    private final Supplier<String> ids;
    private final Clock clock;
    private final long validitySeconds;
    private final long groupIntervalNanos;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread thread;
    private volatile boolean closed;

    /** A signer without a group interval: each group is signed as soon as the previous one is done. */
    public ReceiptSigner(Receipts jws, Supplier<String> ids, Clock clock) {
        this(jws, ids, clock, java.time.Duration.ofDays(1));
    }

    /** @param validity how long a signed envelope is valid ({@code exp} = {@code iat} + this) */
    public ReceiptSigner(Receipts jws, Supplier<String> ids, Clock clock, java.time.Duration validity) {
        this(jws, ids, clock, validity, java.time.Duration.ZERO);
    }

    /**
     * @param validity      how long a signed envelope is valid ({@code exp} = {@code iat} + this)
     * @param groupInterval least time between the starts of two signatures while answers come
     *                      concurrently (zero: none)
     */
    public ReceiptSigner(Receipts jws, Supplier<String> ids, Clock clock, java.time.Duration validity,
            java.time.Duration groupInterval) {
        this.jws = jws;
        this.ids = ids;
        this.clock = clock;
        this.validitySeconds = validity.toSeconds();
        this.groupIntervalNanos = groupInterval.toNanos();
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
        List<byte[]> decisions = new ArrayList<>(MAX_GROUP);
        long lastStart = 0;
        int lastGroup = 0;
        while (!closed) {
            try {
                group.add(queue.take());
                if (lastGroup > 1 && groupIntervalNanos > 0) {
                    // answers are coming concurrently: let this group collect until the interval is up
                    long until = lastStart + groupIntervalNanos;
                    long left;
                    while (group.size() < MAX_GROUP && (left = until - System.nanoTime()) > 0) {
                        Pending next = queue.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
                        if (next == null) {
                            break;
                        }
                        group.add(next);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                group.forEach(p -> p.future().completeExceptionally(new IllegalStateException("receipt signer closed")));
                return;
            }
            queue.drainTo(group, MAX_GROUP - group.size());
            lastStart = System.nanoTime();
            lastGroup = group.size();
            Signed signed;
            try {
                decisions.clear();
                for (Pending p : group) {
                    decisions.add(p.decision());
                }
                signed = signAll(decisions);
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
