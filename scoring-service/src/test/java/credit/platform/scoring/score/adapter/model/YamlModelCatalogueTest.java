package credit.platform.scoring.score.adapter.model;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.scoring.score.domain.SubjectKind;
import org.junit.jupiter.api.Test;

class YamlModelCatalogueTest {

    @Test
    void shippedModelsLoadAndEachKindThatIsScoredHasADefault() {
        YamlModelCatalogue catalogue = YamlModelCatalogue.load("classpath*:models/*.yaml");

        var person = catalogue.defaultFor(SubjectKind.PERSON).orElseThrow();
        assertThat(person.id()).isEqualTo("suining-county-person");
        assertThat(person.version()).isEqualTo(1);
        assertThat(person.basePoints()).isEqualTo(1000);
        assertThat(person.grade(970)).isEqualTo("A");
        assertThat(person.grade(599)).isEqualTo("D");
        assertThat(catalogue.defaultFor(SubjectKind.LEGAL_ENTITY).orElseThrow().id()).isEqualTo("corporate-compliance");
        assertThat(catalogue.defaultFor(SubjectKind.GOVERNMENT_BODY)).isEmpty();
        assertThat(catalogue.find("corporate-compliance")).isPresent();
        assertThat(catalogue.find("nope")).isEmpty();
    }
}
