package credit.platform.registry.bulkimport.adapter.format;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.registry.bulkimport.domain.ImportLine;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFormatsTest {

    static List<ImportLine.Numbered> all(Iterator<ImportLine.Numbered> it) {
        List<ImportLine.Numbered> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    static BufferedReader reader(String s) {
        return new BufferedReader(new StringReader(s));
    }

    @Test
    void jsonArrayElementsAreNumberedFromOne() {
        var lines = all(ImportFormats.jsonArray(reader("[{\"kind\":\"PERSON\",\"name\":\"a\"},{\"record\":\"permit\"}]")));
        assertThat(lines).extracting(ImportLine.Numbered::number).containsExactly(1L, 2L);
        assertThat(lines.get(0).line()).isInstanceOf(ImportLine.SubjectLine.class);
        assertThat(((ImportLine.SubjectLine) lines.get(0).line()).subject().kind()).isEqualTo("PERSON");
        assertThat(lines.get(1).line()).isInstanceOf(ImportLine.PermitLine.class);
    }

    @Test
    void brokenJsonArrayStopsWithAnUnreadableLine() {
        var lines = all(ImportFormats.jsonArray(reader("[{\"kind\":\"PERSON\"},{\"kind\":")));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).line()).isInstanceOf(ImportLine.Unreadable.class);
    }

    @Test
    void ndjsonCountsBlankLinesInTheLineNumbers() {
        var lines = all(ImportFormats.ndjson(reader("{\"kind\":\"PERSON\"}\n\n   \nnot json\n")));
        assertThat(lines).extracting(ImportLine.Numbered::number).containsExactly(1L, 4L);
        assertThat(lines.get(1).line()).isInstanceOf(ImportLine.Unreadable.class);
    }

    @Test
    void csvCellsMayBeQuotedWithCommasAndDoubledQuotes() {
        assertThat(ImportFormats.splitCsv("a,\"b, c\",\"d \"\"e\"\"\",")).containsExactly("a", "b, c", "d \"e\"", "");
        assertThat(ImportFormats.splitCsv("a,\"b")).isNull();
    }
}
