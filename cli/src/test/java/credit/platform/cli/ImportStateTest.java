package credit.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportStateTest {

    @TempDir
    Path dir;

    @Test
    void aSavedStateLoadsForTheSameFileAndKindOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("a.ndjson"), "{}\n{}\n");
        String sha = ImportState.sha256(file);
        Path stateFile = dir.resolve("a.ndjson.credit-import.json");
        ImportState state = ImportState.start("subjects", sha, 1000)
                .withChunk(0, new ImportState.Chunk(1, true, 1000, 990, 5, 5), 120)
                .withChunk(1, new ImportState.Chunk(2, false, 1000, 0, 0, 0), 120);
        state.save(stateFile);

        ImportState loaded = ImportState.load(stateFile, "subjects", sha);
        assertThat(loaded).isEqualTo(state);
        assertThat(loaded.created()).isEqualTo(990);
        assertThat(loaded.rejected()).as("only finished chunks count").isEqualTo(5);
        assertThat(ImportState.load(stateFile, "records:spc-dishonest-debtors", sha)).isNull();
        Files.writeString(file, "{}\n{}\n{}\n");
        assertThat(ImportState.load(stateFile, "subjects", ImportState.sha256(file))).as("a changed file starts afresh").isNull();
    }

    @Test
    void anUnreadableStateIsIgnoredRatherThanTrusted() throws Exception {
        Path stateFile = Files.writeString(dir.resolve("b.credit-import.json"), "{not json");
        assertThat(ImportState.load(stateFile, "subjects", "00")).isNull();
    }

    @Test
    void aResumedReportIsCutBackToItsLastSavedLength() throws Exception {
        Path report = dir.resolve("x.errors.csv");
        ImportSubjectsCommand.prepareErrorReport(report, 0);
        long saved = Files.size(report);
        Files.writeString(report, "7,name,required,name is required\n", java.nio.file.StandardOpenOption.APPEND);
        ImportSubjectsCommand.prepareErrorReport(report, saved);
        assertThat(Files.readString(report)).isEqualTo("line,field,rule,message\n");
    }
}
