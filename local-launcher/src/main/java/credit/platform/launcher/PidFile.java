package credit.platform.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the processes a stack started ({@code .run/stack-<name>.pids}: pid, start instant, name; the first line is the launcher JVM), so
 * that a stack whose JVM was killed without running its shutdown hook (SIGKILL, a CI job cancelled)
 * leaves nothing behind for long: the next start of the same stack stops the leftovers first.
 */
final class PidFile {

    static final String OWNER = "owner";

    private final Path file;
    /** Only the stack that wrote the file deletes it (not one that refused to start next to it). */
    private boolean written;

    PidFile(Path file) {
        this.file = file;
    }

    /** Records a started process (one line, appended; the first line names this JVM as the owner). */
    synchronized void add(String name, ProcessHandle process) {
        try {
            Files.createDirectories(file.getParent());
            StringBuilder lines = new StringBuilder();
            if (!Files.exists(file)) {
                lines.append(line(ProcessHandle.current(), OWNER));
            }
            lines.append(line(process, name));
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            written = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops every recorded process that is still alive and is still the same process (same start
     * instant: the pid was not reused), then forgets them all.
     *
     * @return the names of the leftovers that were stopped
     * @throws StackStartException if the stack that wrote the file is still running (its owner JVM is alive)
     */
    synchronized List<String> stopLeftovers(Duration grace) {
        List<String> stopped = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return stopped;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ", 3);
                if (parts.length < 3) {
                    continue;
                }
                Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[0]));
                if (parts[2].equals(OWNER)) {
                    if (process.isPresent() && isRunning(process.get()) && sameStart(process.get(), parts[1])
                            && process.get().pid() != ProcessHandle.current().pid()) {
                        throw new StackStartException("this stack is already running in process " + parts[0]
                                + " (see " + file + "); stop it first (Ctrl-C where it runs)");
                    }
                    continue;
                }
                if (process.isPresent() && isRunning(process.get()) && sameStart(process.get(), parts[1])) {
                    ProcessTree.stop(process.get(), grace);
                    stopped.add(parts[2] + " (pid " + parts[0] + ")");
                }
            }
            Files.deleteIfExists(file);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return stopped;
    }

    synchronized void delete() {
        if (!written) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Alive and not a zombie: a killed launcher whose parent never reaps it (a container without an
     * init process) stays a zombie, which {@link ProcessHandle#isAlive()} reports as alive.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String content = Files.readString(stat);
            // pid (comm) state …: comm may contain spaces and parentheses, so look after the last ')'
            String afterComm = content.substring(content.lastIndexOf(')') + 1).trim();
            return !afterComm.startsWith("Z");
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return process.isAlive();
        }
    }

    private static String line(ProcessHandle process, String name) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("-") + " " + name + "\n";
    }

    private static boolean sameStart(ProcessHandle process, String recorded) {
        return !recorded.equals("-")
                && process.info().startInstant().map(Instant::toString).map(recorded::equals).orElse(false);
    }
}
