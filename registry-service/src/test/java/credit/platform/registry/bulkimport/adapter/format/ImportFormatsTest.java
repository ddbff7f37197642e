package credit.platform.registry.bulkimport.adapter.format;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.csv.Csv;
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

    /** The CLI writes import files with the same CSV lines (platform-csv's Csv) the registry reads here. */
    @Test
    void csvLinesAsTheCliWritesThemReadAsSubjectsAndAnOpenQuoteIsUnreadable() {
        String name = "北京\"某\"科技, 有限公司";
        String file = "\uFEFF" + String.join(",", ImportFormats.CSV_HEADER) + "\n"
                + Csv.line(List.of("COMPANY", "USCC", "91110000100000000X", "", name, "", "")) + "\n"
                + "PERSON,RESIDENT_ID,\"110105\n";
        var lines = all(ImportFormats.csv(reader(file)));
        assertThat(lines).extracting(ImportLine.Numbered::number).containsExactly(2L, 3L);
        assertThat(((ImportLine.SubjectLine) lines.get(0).line()).subject().name()).isEqualTo(name);
        assertThat(lines.get(1).line()).isEqualTo(new ImportLine.Unreadable("csv", "an opening quote is never closed"));
    }
}
