package credit.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Property(tries = 300)
    void aWrittenLineReadsBackAsTheSameCells(@ForAll @Size(min = 1, max = 8) List<@StringLength(max = 12)
            @Chars({'a', 'Z', '0', ',', '"', ' ', '~', '张', ';'}) String> cells) {
        assertThat(Csv.split(Csv.line(cells))).isEqualTo(cells);
    }

    @Test
    void quotedCellsHoldCommasAndDoubledQuotes() {
        assertThat(Csv.split("a,\"b,c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b,c", "say \"hi\"", "");
        assertThat(Csv.split("\"open")).isNull();
        assertThat(Csv.withoutBom("\uFEFFkind,scheme")).isEqualTo("kind,scheme");
    }
}
