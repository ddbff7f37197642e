package credit.platform.registry.demo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.registry.bulkimport.adapter.format.ImportFormats;
import credit.platform.registry.bulkimport.adapter.format.NdjsonWriter;
import credit.platform.registry.bulkimport.domain.ImportLine;
import credit.platform.registry.subject.domain.SubjectDraft;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticRegistryTest {

    static List<String> lines(long seed, int size) {
        List<String> out = new ArrayList<>();
        new SyntheticRegistry(seed, size).forEach(l -> out.add(NdjsonWriter.line(l)));
        return out;
    }

    @Test
    void sameSeedAndSizeGiveTheSameLinesAndAnotherSeedOthers() {
        assertThat(lines(42, 300)).isEqualTo(lines(42, 300)).isNotEqualTo(lines(43, 300));
    }

    @Test
    void everyGeneratedSubjectIsValidAndTheFileReadsBackLineForLine() {
        List<String> ndjson = lines(7, 1000);
        Iterator<ImportLine.Numbered> read = ImportFormats.ndjson(new BufferedReader(new StringReader(String.join("\n", ndjson))));
        int subjects = 0;
        int relationships = 0;
        int permits = 0;
        while (read.hasNext()) {
            ImportLine line = read.next().line();
            switch (line) {
                case ImportLine.SubjectLine s -> {
                    subjects++;
                    SubjectDraft d = s.subject();
                    assertThat(d.validate(LocalDate.of(2026, 11, 26), false).identifiers()).isNotEmpty();
                }
                case ImportLine.RelationshipLine r -> relationships++;
                case ImportLine.PermitLine p -> permits++;
                case ImportLine.Unreadable u -> throw new AssertionError(u.message());
            }
        }
        assertThat(subjects).isEqualTo(1000);
        assertThat(relationships).isGreaterThan(300 * 2);
        assertThat(permits).isPositive();
        assertThat(ndjson).anyMatch(l -> l.contains("\"PASSPORT\""));
    }
}
