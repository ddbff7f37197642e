package credit.platform.gateway.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The chain's encoding is unambiguous: a slow reference decoder reads every field back from the
 * bytes exactly, so two different entries never have the same encoding (and a MAC over it binds
 * every field as written — no separator or newline in a value can merge or split fields).
 */
class AuditEncodingPropertiesTest {

    record Decoded(String tag, String keyId, long sequence, String previous, long time, String client, String agency,
            String purpose, List<String> refs, String method, String route, int status) {
    }

    static Decoded decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        String tag = field(in);
        String keyId = field(in);
        long sequence = in.readLong();
        String previous = field(in);
        long time = in.readLong();
        String client = field(in);
        String agency = field(in);
        String purpose = field(in);
        int count = in.readInt();
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            refs.add(field(in));
        }
        String method = field(in);
        String route = field(in);
        int status = in.readInt();
        assertThat(in.available()).as("nothing after the last field").isZero();
        return new Decoded(tag, keyId, sequence, previous, time, client, agency, purpose, refs, method, route, status);
    }

    static String field(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<AuditEntry.Draft> drafts() {
        Arbitrary<String> text = Arbitraries.strings().withChars("ab,:\n \u00e9\u4e2d|").ofMaxLength(6);
        Arbitrary<String> nullable = text.injectNull(0.2);
        return Combinators.combine(nullable, nullable, nullable, text.list().ofMaxSize(4), nullable, nullable,
                Arbitraries.integers().between(100, 599), Arbitraries.longs().between(0, 4_000_000_000_000L))
                .as((client, agency, purpose, refs, method, route, status, millis) -> new AuditEntry.Draft(
                        Instant.ofEpochMilli(millis), client, agency, purpose, refs, method, route, status));
    }

    @Property(tries = 500)
    void everyFieldIsReadBackExactly(@ForAll("drafts") AuditEntry.Draft d) throws IOException {
        byte[] bytes = AuditChain.canonical("k1", 42, AuditChain.GENESIS, d);
        Decoded back = decode(bytes);
        assertThat(back).isEqualTo(new Decoded(AuditChain.ENCODING, "k1", 42, AuditChain.GENESIS,
                d.time().toEpochMilli(), d.clientId(), d.agency(), d.purpose(), d.subjectRefs(), d.method(), d.route(),
                d.status()));
    }

    @Property(tries = 500)
    void differentEntriesHaveDifferentMacs(@ForAll("drafts") AuditEntry.Draft a, @ForAll("drafts") AuditEntry.Draft b) {
        String macA = a.chainedAfter(7, AuditChain.GENESIS, AuditChainTest.KEYS).hash();
        String macB = b.chainedAfter(7, AuditChain.GENESIS, AuditChainTest.KEYS).hash();
        assertThat(macA.equals(macB)).isEqualTo(a.equals(b));
    }
}
