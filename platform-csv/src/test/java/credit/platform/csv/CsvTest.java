package credit.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CsvTest {

    /** A quoted stretch ({@code ""} inside standing for one quote) or a plain one. */
    private static final Pattern STRETCH = Pattern.compile("\"((?:[^\"]|\"\")*)\"|([^\"]+)");

    /**
     * The reference, slow and obviously right: no cells when the number of quotes is odd; otherwise a comma
     * separates cells where an even number of quotes stands before it, and each cell is its stretches,
     * quoted ones unquoted.
     */
    static List<String> reference(String line) {
        if (line.chars().filter(c -> c == '"').count() % 2 == 1) {
            return null;
        }
        List<String> raw = new ArrayList<>();
        int quotes = 0;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                quotes++;
            } else if (line.charAt(i) == ',' && quotes % 2 == 0) {
                raw.add(line.substring(start, i));
                start = i + 1;
            }
        }
        raw.add(line.substring(start));
        return raw.stream().map(CsvTest::unquoted).toList();
    }

    private static String unquoted(String raw) {
        StringBuilder value = new StringBuilder();
        Matcher m = STRETCH.matcher(raw);
        for (int at = 0; at < raw.length(); at = m.end()) {
            m.region(at, raw.length());
            assertThat(m.lookingAt()).as("a stretch at %d of %s", at, raw).isTrue();
            value.append(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
        }
        return value.toString();
    }

    @Property(tries = 2000)
    void anyLineSplitsAsTheReferenceSplitsIt(
            @ForAll @StringLength(max = 40) @Chars({'a', 'Z', '"', ',', ' ', '张', ';'}) String line) {
        assertThat(Csv.split(line)).isEqualTo(reference(line));
    }

    @Property(tries = 500)
    void aWrittenLineReadsBackAsTheSameCells(@ForAll @Size(min = 1, max = 8) List<@StringLength(max = 12)
            @Chars({'a', 'Z', '0', ',', '"', ' ', '~', '张', ';'}) String> cells) {
        assertThat(Csv.split(Csv.line(cells))).isEqualTo(cells);
    }

    /** Quoting a cell that need not be quoted changes nothing: a writer may quote every cell. */
    @Property(tries = 500)
    void everyCellQuotedReadsBackAsTheSameCells(@ForAll @Size(min = 1, max = 8) List<@StringLength(max = 12)
            @Chars({'a', ',', '"', ' ', '张'}) String> cells) {
        String line = String.join(",", cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList());
        assertThat(Csv.split(line)).isEqualTo(cells);
    }

    @Test
    void quotedCellsHoldCommasAndDoubledQuotesAndEmptyCellsCount() {
        assertThat(Csv.split("a,\"b, c\",\"d \"\"e\"\"\",")).containsExactly("a", "b, c", "d \"e\"", "");
        assertThat(Csv.split("a,\"b,c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b,c", "say \"hi\"", "");
        assertThat(Csv.split("")).containsExactly("");
        assertThat(Csv.split(",,")).containsExactly("", "", "");
        assertThat(Csv.split("\"\",\"\"\"\"")).containsExactly("", "\"");
    }

    @Test
    void aQuoteLeftOpenLeavesNoCells() {
        assertThat(Csv.split("a,\"b")).isNull();
        assertThat(Csv.split("\"open")).isNull();
        assertThat(Csv.split("\"a\"\"")).isNull();
    }

    @Test
    void aQuoteInsideAPlainCellOpensAQuotedStretch() {
        assertThat(Csv.split("a\"b,c\"d,e")).containsExactly("ab,cd", "e");
    }

    @Test
    void writingQuotesOnlyWhatMustBeQuotedAndNullIsEmpty() {
        assertThat(Csv.line(java.util.Arrays.asList("a", null, "b,c", "say \"hi\""))).isEqualTo("a,,\"b,c\",\"say \"\"hi\"\"\"");
    }

    @Test
    void theByteOrderMarkIsStrippedFromAFirstLine() {
        assertThat(Csv.withoutBom("\uFEFFkind,scheme")).isEqualTo("kind,scheme");
        assertThat(Csv.withoutBom("kind,scheme")).isEqualTo("kind,scheme");
        assertThat(Csv.withoutBom("")).isEmpty();
    }
}
