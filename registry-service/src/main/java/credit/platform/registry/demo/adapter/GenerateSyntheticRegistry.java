package credit.platform.registry.demo.adapter;

import credit.platform.registry.bulkimport.adapter.format.NdjsonWriter;
import credit.platform.registry.bulkimport.domain.ImportLine;
import credit.platform.registry.demo.domain.SyntheticRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the synthetic registry as an NDJSON import file:
 * {@code java -cp <classpath> credit.platform.registry.demo.adapter.GenerateSyntheticRegistry <size> <seed> <file>}.
 */
public final class GenerateSyntheticRegistry {

    private GenerateSyntheticRegistry() {
    }

    public static void main(String[] args) throws IOException {
        int size = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        long lines = write(new SyntheticRegistry(seed, size), Path.of(args[2]));
        System.out.println(lines + " lines written to " + args[2]);
    }

    /** Writes every line; returns how many. */
    public static long write(SyntheticRegistry registry, Path file) throws IOException {
        long n = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ImportLine line : registry) {
                out.write(NdjsonWriter.line(line));
                out.write('\n');
                n++;
            }
        }
        return n;
    }
}
