package credit.platform.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A live progress line on standard error: bar, count, rate and time left. On a terminal it redraws one
 * line (at most 5 times a second); otherwise (a log, CI) it prints a plain line every 10 %.
 */
final class Progress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final String unit;
    private final long total;
    private final long startedWith;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long t0;
    private long lastDraw = Long.MIN_VALUE;
    private long lastDecile; // 0 %: nothing to say yet
    private long shown;

    /**
     * @param total       everything there is to do (lines of the file)
     * @param startedWith already done before this run (a resumed import): shown, but not counted in the rate
     */
    Progress(PrintStream out, String unit, long total, long startedWith, boolean terminal, LongSupplier nanos) {
        this.out = out;
        this.unit = unit;
        this.total = total;
        this.startedWith = startedWith;
        this.terminal = terminal;
        this.nanos = nanos;
        this.t0 = nanos.getAsLong();
    }

    /** Whether standard error is a terminal a line can be redrawn on. */
    static boolean stderrIsATerminal() {
        java.io.Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try { // Java 22+: a Console exists even when redirected; isTerminal() tells
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    synchronized void update(long done) {
        shown = done;
        long now = nanos.getAsLong();
        if (terminal) {
            if (now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                out.print("\r" + line(done, now) + "\u001b[K");
                out.flush();
            }
        } else if (total > 0) {
            long decile = done * 10 / total;
            if (decile > lastDecile && decile < 10) {
                lastDecile = decile;
                out.println(line(done, now));
            }
        }
    }

    synchronized void finish(long done) {
        long now = nanos.getAsLong();
        if (terminal) {
            out.print("\r" + line(done, now) + "\u001b[K");
        }
        out.println(terminal ? "" : line(done, now));
        out.flush();
    }

    synchronized long shown() {
        return shown;
    }

    String line(long done, long now) {
        double seconds = Math.max(1e-9, (now - t0) / 1e9);
        double rate = (done - startedWith) / seconds;
        return render(done, total, rate, unit);
    }

    /** {@code [##########..........]  50%  50 000/100 000 lines  1 234 lines/s  ETA 0:40}. */
    static String render(long done, long total, double ratePerSecond, String unit) {
        int width = 30;
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * width);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        String eta;
        if (done >= total) {
            eta = "done";
        } else if (ratePerSecond <= 0.01) {
            eta = "ETA --:--";
        } else {
            eta = "ETA " + clock(Duration.ofSeconds((long) Math.ceil((total - done) / ratePerSecond)));
        }
        return String.format(Locale.ROOT, "[%s] %3d%%  %s/%s %s  %s %s/s  %s", bar, (int) Math.floor(fraction * 100),
                grouped(done), grouped(total), unit, grouped(Math.round(ratePerSecond)), unit, eta);
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
