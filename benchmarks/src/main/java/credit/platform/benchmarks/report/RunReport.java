package credit.platform.benchmarks.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every benchmark report of the real stack says about where it ran (machine, load average, commit)
 * and how it is written (to the console and to the report file at once): one place, so that the
 * front door's and the portal pages' reports read the same.
 */
public final class RunReport {

    private RunReport() {
    }

    /** Prints to standard output and to the report file. */
    public record Tee(PrintStream file) {

        public void println(String line) {
            System.out.println(line);
            file.println(line);
        }

        public void println() {
            println("");
        }

        public void printf(Locale locale, String format, Object... args) {
            String text = String.format(locale, format, args);
            System.out.print(text);
            file.print(text);
        }
    }

    /** The header lines: the machine, the load average before the stack started, and the commit. */
    public static void header(Tee tee, Path repoRoot) {
        tee.println("- machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " processors, "
                + memTotal());
        tee.println("- load average before the stack started: " + loadAverage());
        tee.println("- commit: " + git(repoRoot, "rev-parse", "--short", "HEAD")
                + (git(repoRoot, "status", "--porcelain").isBlank() ? "" : " (with uncommitted changes)"));
    }

    /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}). */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D+", "")) / 1024 / 1024 + " GiB RAM")
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /** A git command's output in the repository ({@code "unknown"} when git cannot be run). */
    public static String git(Path repoRoot, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-C", repoRoot.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return text;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
