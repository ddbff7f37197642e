package credit.platform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an import has done so far, kept beside the input ({@code <file>.credit-import.json}) and
 * rewritten atomically after every step, so an import stopped at any moment (Ctrl-C, a crash, a
 * closed laptop) resumes where it was. It belongs to one file: a changed file starts afresh.
 *
 * @param kind        {@code subjects} or {@code records:<list>}
 * @param fileSha256  the input's SHA-256 when the import started
 * @param runId       names this import's requests (import ids, idempotency keys)
 * @param chunkLines  subjects: lines per upload
 * @param chunks      subjects: per chunk, how far it got
 * @param doneLines   records: every line up to this one is done
 * @param errorsBytes how long the error report was at the last step (a resumed import cuts it back to this)
 * @param created     totals of the finished steps
 */
record ImportState(String kind, String fileSha256, String runId, int chunkLines, TreeMap<Integer, Chunk> chunks,
        long doneLines, long errorsBytes, long created, long existing, long rejected) {

    /** One upload of a subjects import: attempts so far, and its result once done. */
    record Chunk(int attempts, boolean done, long lines, long created, long existing, long rejected) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ImportState start(String kind, String sha256, int chunkLines) {
        return new ImportState(kind, sha256, "cli-" + sha256.substring(0, 16), chunkLines, new TreeMap<>(), 0, 0, 0, 0, 0);
    }

    /** The saved state of this import of this file, or null when there is none (or it was for another file or kind). */
    static ImportState load(Path stateFile, String kind, String sha256) {
        if (!Files.isRegularFile(stateFile)) {
            return null;
        }
        try {
            ImportState s = JSON.readValue(stateFile.toFile(), ImportState.class);
            return kind.equals(s.kind()) && sha256.equals(s.fileSha256()) ? s : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    void save(Path stateFile) {
        Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the import state " + stateFile, e);
        }
    }

    ImportState withChunk(int index, Chunk chunk, long errorsBytes) {
        TreeMap<Integer, Chunk> next = new TreeMap<>(chunks);
        next.put(index, chunk);
        long c = 0;
        long e = 0;
        long r = 0;
        for (Chunk k : next.values()) {
            if (k.done()) {
                c += k.created();
                e += k.existing();
                r += k.rejected();
            }
        }
        return new ImportState(kind, fileSha256, runId, chunkLines, next, doneLines, errorsBytes, c, e, r);
    }

    ImportState withLines(long doneLines, long errorsBytes, long created, long existing, long rejected) {
        return new ImportState(kind, fileSha256, runId, chunkLines, chunks, doneLines, errorsBytes, created, existing,
                rejected);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new CliException(Exit.USAGE, "cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
