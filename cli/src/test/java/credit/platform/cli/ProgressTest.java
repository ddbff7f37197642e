package credit.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void theLineShowsBarPercentCountsRateAndTimeLeft() {
        assertThat(Progress.render(50_000, 100_000, 1234, "lines"))
                .isEqualTo("[###############...............]  50%  50 000/100 000 lines  1 234 lines/s  ETA 0:41");
        assertThat(Progress.render(100_000, 100_000, 900, "lines")).endsWith("done").contains("100%");
        assertThat(Progress.render(0, 10, 0, "lines")).contains("ETA --:--");
        assertThat(Progress.clock(java.time.Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }

    @Test
    void theRateCountsOnlyWhatThisRunDidNotWhatAResumedImportHadDoneBefore() {
        AtomicLong nanos = new AtomicLong();
        Progress p = new Progress(new PrintStream(new ByteArrayOutputStream()), "lines", 1000, 400, false, nanos::get);
        nanos.set(2_000_000_000L);
        assertThat(p.line(600, nanos.get())).contains("600/1 000 lines", "100 lines/s", "ETA 0:04");
    }

    @Test
    void withoutATerminalItPrintsOneLinePerTenthNotARedraw() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong nanos = new AtomicLong();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "lines", 100, 0, false, nanos::get);
        for (int i = 1; i <= 100; i++) {
            nanos.addAndGet(10_000_000L);
            p.update(i);
        }
        p.finish(100);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines().count()).isEqualTo(10); // 10 %, 20 % … 90 %, then the final line
        assertThat(out.lines().toList().getLast()).contains("100%", "done");
    }
}
