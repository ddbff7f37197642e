package credit.platform.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The streaming gzip reader of request bodies against the JDK's {@link GZIPInputStream} (the slow,
 * obviously right reference): same bytes for any body split into any chunks, one or several members;
 * and a "zip bomb" stopped at the limit.
 */
class GzipInflaterTest {

    @Property(tries = 80)
    void inflatesLikeTheJdkWhateverTheChunks(@ForAll("bodies") byte[] body, @ForAll @IntRange(min = 1, max = 3) int members,
            @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 4096) Integer> cuts) throws IOException {
        byte[] gzip = new byte[0];
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int m = 0; m < members; m++) {
            gzip = concat(gzip, gzip(body));
            all.writeBytes(body);
        }
        assertThat(streamed(gzip, cuts, Long.MAX_VALUE)).isEqualTo(reference(gzip)).isEqualTo(all.toByteArray());
    }

    @Property(tries = 50)
    void aHeaderWithNameCommentAndExtraFieldsIsSkipped(@ForAll("bodies") byte[] body,
            @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 64) Integer> cuts) throws IOException {
        byte[] gzip = withOptionalHeaderFields(gzip(body));
        assertThat(streamed(gzip, cuts, Long.MAX_VALUE)).isEqualTo(reference(gzip)).isEqualTo(body);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(100_000);
        Arbitrary<byte[]> repetitive = Arbitraries.strings().withChars("{}\"abc:,0123").ofMaxLength(150_000)
                .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, repetitive);
    }

    @Test
    void aSmallBodyThatExpandsPastTheLimitIsStoppedAtTheLimit() throws IOException {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]); // 50 MB of zeros: ~50 KB compressed
        long limit = 1024 * 1024;
        GzipInflater inflater = new GzipInflater(limit);
        long[] produced = {0};
        assertThatThrownBy(() -> inflater.feed(bomb, 0, bomb.length, b -> produced[0] += b.length))
                .isInstanceOf(GzipInflater.TooLargeException.class);
        assertThat(produced[0]).as("no more than the limit was handed on").isLessThanOrEqualTo(limit);
        inflater.close();
    }

    @Test
    void aCorruptOrTruncatedBodyIsRefused() throws IOException {
        byte[] gzip = gzip("{\"checks\":[]}".repeat(100).getBytes());
        byte[] corrupt = gzip.clone();
        corrupt[gzip.length - 6] ^= 0x55; // the CRC
        assertThatThrownBy(() -> GzipInflater.inflateAll(corrupt, Long.MAX_VALUE))
                .isInstanceOf(GzipInflater.MalformedException.class);
        byte[] truncated = java.util.Arrays.copyOf(gzip, gzip.length - 3);
        assertThatThrownBy(() -> GzipInflater.inflateAll(truncated, Long.MAX_VALUE))
                .isInstanceOf(GzipInflater.MalformedException.class);
        assertThatThrownBy(() -> GzipInflater.inflateAll("not gzip at all".getBytes(), Long.MAX_VALUE))
                .isInstanceOf(GzipInflater.MalformedException.class);
        assertThatThrownBy(() -> GzipInflater.inflateAll(new byte[0], Long.MAX_VALUE))
                .isInstanceOf(GzipInflater.MalformedException.class);
    }

    private static byte[] streamed(byte[] gzip, List<Integer> cuts, long limit) {
        GzipInflater inflater = new GzipInflater(limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        List<Integer> sizes = new ArrayList<>(cuts);
        int i = 0;
        while (pos < gzip.length) {
            int n = Math.min(gzip.length - pos, sizes.isEmpty() ? gzip.length : sizes.get(i++ % sizes.size()));
            byte[] chunk = java.util.Arrays.copyOfRange(gzip, pos, pos + n); // a fresh buffer, as off the wire
            inflater.feed(chunk, 0, n, out::writeBytes);
            pos += n;
        }
        inflater.finish();
        return out.toByteArray();
    }

    private static byte[] reference(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /** The same member with FEXTRA, FNAME, FCOMMENT and FHCRC set (as some clients write it). */
    private static byte[] withOptionalHeaderFields(byte[] gzip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x1f);
        out.write(0x8b);
        out.write(8);
        out.write(2 | 4 | 8 | 16);
        out.write(gzip, 4, 6); // mtime, xfl, os
        out.write(3);
        out.write(0);
        out.writeBytes(new byte[] {1, 2, 3});
        out.writeBytes("passengers.json".getBytes());
        out.write(0);
        out.writeBytes("a train".getBytes());
        out.write(0);
        byte[] header = out.toByteArray();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(header);
        out.write((int) crc.getValue() & 0xff);
        out.write((int) (crc.getValue() >> 8) & 0xff);
        out.write(gzip, 10, gzip.length - 10);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
