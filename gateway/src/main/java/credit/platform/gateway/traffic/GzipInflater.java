package credit.platform.gateway.traffic;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip body (RFC 1952; one or more members) <b>as it streams</b>, chunk by chunk, and
 * never produces more than {@code limit} bytes: the output is checked while it is inflated, so a small
 * body that would expand to gigabytes (a "zip bomb") is stopped after {@code limit} bytes plus at most
 * one output chunk. Checks each member's CRC-32 and length. Not thread-safe: one per body, fed in order.
 */
final class GzipInflater {

    /** The decompressed body would exceed the limit. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super("the decompressed body is larger than allowed", null, false, false);
        }
    }

    /** The body is not valid gzip. */
    static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    private static final int CHUNK = 64 * 1024;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private enum State { HEADER, BODY, TRAILER }

    private final long limit;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private State state = State.HEADER;
    private long memberSize;
    private long total;
    private boolean anyMember;

    GzipInflater(long limit) {
        this.limit = limit;
    }

    /** Feeds compressed bytes; decompressed chunks go to {@code out} (each a fresh array). */
    void feed(byte[] in, int offset, int length, Consumer<byte[]> out) {
        byte[] data = in;
        int pos = offset;
        int end = offset + length;
        while (pos < end || state == State.BODY && !inflater.needsInput()) {
            switch (state) {
                case HEADER -> {
                    int used = header(data, pos, end);
                    if (used < 0) {
                        return; // header incomplete: bytes kept in pending
                    }
                    pos = used;
                }
                case BODY -> {
                    if (inflater.needsInput()) {
                        inflater.setInput(data, pos, end - pos);
                        pos = end;
                    }
                    inflate(out);
                    if (inflater.finished()) {
                        int remaining = inflater.getRemaining();
                        pos = end - remaining;
                        state = State.TRAILER;
                        pending.reset();
                    } else if (inflater.needsInput()) {
                        return;
                    }
                }
                case TRAILER -> {
                    int take = Math.min(8 - pending.size(), end - pos);
                    pending.write(data, pos, take);
                    pos += take;
                    if (pending.size() == 8) {
                        trailer(pending.toByteArray());
                        pending.reset();
                        state = State.HEADER;
                        anyMember = true;
                    }
                }
            }
        }
    }

    /** The compressed body ended: it must end on a member boundary. */
    void finish() {
        if (state != State.HEADER || pending.size() > 0 || !anyMember) {
            throw new MalformedException("the gzip body ends in the middle of a member");
        }
        inflater.end();
    }

    /** Frees the inflater (a body given up part way). */
    void close() {
        inflater.end();
    }

    private void inflate(Consumer<byte[]> out) {
        try {
            while (true) {
                byte[] buffer = new byte[CHUNK];
                int n = inflater.inflate(buffer);
                if (n > 0) {
                    total += n;
                    memberSize += n;
                    if (total > limit) {
                        throw new TooLargeException();
                    }
                    crc.update(buffer, 0, n);
                    out.accept(n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n));
                }
                if (n == 0 || inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw new MalformedException("the gzip body needs a preset dictionary");
                    }
                    return;
                }
            }
        } catch (DataFormatException e) {
            throw new MalformedException("the gzip body is corrupt");
        }
    }

    /**
     * Parses a member header from pending + data[pos, end); returns the position after it, or -1 when
     * more bytes are needed (then everything so far is kept in pending).
     */
    private int header(byte[] data, int pos, int end) {
        int before = pending.size();
        pending.write(data, pos, end - pos);
        byte[] h = pending.toByteArray();
        int need = 10;
        if (h.length < need) {
            return -1;
        }
        if ((h[0] & 0xff) != 0x1f || (h[1] & 0xff) != 0x8b) {
            throw new MalformedException("not a gzip body (bad magic bytes)");
        }
        if (h[2] != 8) {
            throw new MalformedException("unsupported gzip compression method " + h[2]);
        }
        int flags = h[3] & 0xff;
        if ((flags & FEXTRA) != 0) {
            if (h.length < need + 2) {
                return -1;
            }
            need += 2 + ((h[need] & 0xff) | (h[need + 1] & 0xff) << 8);
            if (h.length < need) {
                return -1;
            }
        }
        for (int flag : new int[] {FNAME, FCOMMENT}) {
            if ((flags & flag) != 0) {
                int zero = need;
                while (zero < h.length && h[zero] != 0) {
                    zero++;
                }
                if (zero >= h.length) {
                    return -1;
                }
                need = zero + 1;
            }
        }
        if ((flags & FHCRC) != 0) {
            need += 2;
            if (h.length < need) {
                return -1;
            }
        }
        pending.reset();
        inflater.reset();
        crc.reset();
        memberSize = 0;
        state = State.BODY;
        // the header used `need` bytes of h; h = old pending (before bytes) + data[pos, end)
        return pos + (need - before);
    }

    private void trailer(byte[] t) {
        long expectedCrc = (t[0] & 0xffL) | (t[1] & 0xffL) << 8 | (t[2] & 0xffL) << 16 | (t[3] & 0xffL) << 24;
        long expectedSize = (t[4] & 0xffL) | (t[5] & 0xffL) << 8 | (t[6] & 0xffL) << 16 | (t[7] & 0xffL) << 24;
        if (expectedCrc != crc.getValue()) {
            throw new MalformedException("the gzip body's checksum does not match");
        }
        if (expectedSize != (memberSize & 0xffffffffL)) {
            throw new MalformedException("the gzip body's length does not match");
        }
    }

    /** Convenience for tests: the whole body at once. */
    static byte[] inflateAll(byte[] gzip, long limit) {
        GzipInflater inflater = new GzipInflater(limit);
        List<byte[]> parts = new ArrayList<>();
        inflater.feed(gzip, 0, gzip.length, parts::add);
        inflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
