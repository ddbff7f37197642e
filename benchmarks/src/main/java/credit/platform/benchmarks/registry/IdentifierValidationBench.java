package credit.platform.benchmarks.registry;

import credit.platform.identifiers.Identifier;
import credit.platform.identifiers.IdentifierScheme;
import credit.platform.identifiers.Identifiers;
import credit.platform.identifiers.SyntheticIdentifiers;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Identifier validation (identifiers library): full rules per call — normalisation, division
 * lookup, date, check characters. A pool of 1024 generated identifiers so no branch is always
 * the same. Run: {@code java -jar benchmarks/target/benchmarks.jar IdentifierValidationBench -f 1 -wi 2 -i 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IdentifierValidationBench {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final int POOL = 1024;

    String[] residentIds = new String[POOL];
    String[] decorated = new String[POOL];
    String[] legacy = new String[POOL];
    String[] usccs = new String[POOL];
    String[] wrongCheck = new String[POOL];
    int i;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < POOL; k++) {
            residentIds[k] = SyntheticIdentifiers.residentId(random, TODAY);
            decorated[k] = " " + residentIds[k].substring(0, 6) + "-" + residentIds[k].substring(6).toLowerCase() + " ";
            legacy[k] = SyntheticIdentifiers.legacyResidentId(random);
            usccs[k] = SyntheticIdentifiers.uscc(random);
            char last = usccs[k].charAt(17);
            wrongCheck[k] = usccs[k].substring(0, 17) + (last == '0' ? '1' : '0');
        }
    }

    private int next() {
        i = (i + 1) & (POOL - 1);
        return i;
    }

    @Benchmark
    public Identifier residentId() {
        return Identifiers.parse(IdentifierScheme.RESIDENT_ID, residentIds[next()], null, TODAY);
    }

    @Benchmark
    public Identifier residentIdNeedingNormalisation() {
        return Identifiers.parse(IdentifierScheme.RESIDENT_ID, decorated[next()], null, TODAY);
    }

    @Benchmark
    public Identifier legacyResidentIdConverted() {
        return Identifiers.parse(IdentifierScheme.RESIDENT_ID, legacy[next()], null, TODAY);
    }

    @Benchmark
    public Identifier uscc() {
        return Identifiers.parse(IdentifierScheme.USCC, usccs[next()], null, TODAY);
    }

    /** The rejection path: builds the exception and its message. */
    @Benchmark
    public Object usccWithWrongCheckCharacterRejected() {
        try {
            return Identifiers.parse(IdentifierScheme.USCC, wrongCheck[next()], null, TODAY);
        } catch (RuntimeException e) {
            return e;
        }
    }
}
