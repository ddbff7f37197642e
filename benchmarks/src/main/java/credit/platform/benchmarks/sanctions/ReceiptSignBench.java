package credit.platform.benchmarks.sanctions;

import credit.platform.sanctions.travel.domain.ReceiptSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one group of answers costs the receipt signer's thread (sanctions' {@code ReceiptSigner}): the
 * ES256 signature alone, as the service makes it (the JDK's {@code SHA256withECDSAinP1363Format} on
 * P-256 over a compact JWS's signing input of the envelope's size), and a whole group of 1, 8 or 32
 * decisions ({@code ReceiptSigner.signAll}: leaf hashes, tree, envelope claims, signature, one receipt
 * per decision). The fixed part per group against the part per answer decides what a longer
 * {@code credit.travel.receipt-group-interval} saves (docs/benchmarks.md).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ReceiptSignBench -f 1 -wi 3 -i 3 -w 2s -r 2s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReceiptSignBench {

    private static final String ES256_JCA = "SHA256withECDSAinP1363Format";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Param({"1", "8", "32"})
    public int group;

    private PrivateKey key;
    private byte[] signingInput;
    private ReceiptSigner signer;
    private List<byte[]> decisions;

    @Setup
    public void setUp() throws GeneralSecurityException {
        BenchReceipts receipts = new BenchReceipts(true);
        key = receipts.privateKey();
        signer = new ReceiptSigner(receipts, () -> UUID.randomUUID().toString(), Clock.systemUTC());
        SplittableRandom random = new SplittableRandom(13);
        decisions = new ArrayList<>();
        for (int i = 0; i < group; i++) {
            byte[] decision = new byte[450]; // a decision's claims are ~450 bytes of JSON
            for (int j = 0; j < decision.length; j++) {
                decision[j] = (byte) ('a' + random.nextInt(26));
            }
            decisions.add(decision);
        }
        // the signing input of one envelope, as the service signs it: its JWS without the signature
        String envelope = receipts.sign(Map.of("jti", UUID.randomUUID().toString(), "iat", 1_765_000_000L,
                "exp", 1_765_086_400L, "typ", "merkle-sha256", "root", B64URL.encodeToString(new byte[32]), "count", 12));
        signingInput = envelope.substring(0, envelope.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    /** One ES256 signature (the same for every group size). */
    @Benchmark
    public byte[] es256Signature() throws GeneralSecurityException {
        Signature es256 = Signature.getInstance(ES256_JCA);
        es256.initSign(key);
        es256.update(signingInput);
        return es256.sign();
    }

    /** A whole group of {@code group} decisions signed as the signer thread does it. */
    @Benchmark
    public ReceiptSigner.Signed signGroup() {
        return signer.signAll(decisions);
    }
}
