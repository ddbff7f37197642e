package credit.platform.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls an HTTP URL until it answers 200. */
final class HttpWait {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpWait() {
    }

    static final int TAIL_LINES = 40;

    /** The last lines of a log, so that a CI failure shows the cause without fetching the file. */
    static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return "\n---- last " + last.size() + " lines of " + logFile + " ----\n" + String.join("\n", last)
                    + "\n---- end of " + logFile.getFileName() + " ----";
        } catch (IOException | RuntimeException e) {
            return " (log not readable: " + e.getMessage() + ")";
        }
    }

    static boolean isOk(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while waiting for " + url, e);
        }
    }

    /**
     * Waits until {@code url} answers 200.
     *
     * @param alive false as soon as the component's process has died: fail fast instead of waiting out the timeout
     */
    static Duration awaitOk(String component, String url, Duration timeout, BooleanSupplier alive, Path logFile) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            if (isOk(url)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (!alive.getAsBoolean()) {
                throw new StackStartException(component + " exited before it became ready (" + url
                        + " never answered 200); read " + logFile + tail(logFile));
            }
            if (System.nanoTime() > deadline) {
                throw new StackStartException(component + " was not ready within " + timeout.toSeconds() + " s ("
                        + url + " did not answer 200); read " + logFile + tail(logFile));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("interrupted while waiting for " + component, e);
            }
        }
    }
}
