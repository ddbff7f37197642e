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
        assertThat(person.version()).isEqualTo(2);
        assertThat(catalogue.find("suining-county-person", 1)).isPresent();
        assertThat(catalogue.find("corporate-compliance").orElseThrow().version()).isEqualTo(3);
        assertThat(catalogue.find("corporate-compliance", 2)).isPresent();
        assertThat(catalogue.find("corporate-compliance", 3).orElseThrow().permitRules())
                .extracting(r -> r.condition().name()).containsOnly("EXPIRED");
        var food = catalogue.find("food-business-compliance").orElseThrow();
        assertThat(food.permitRules()).extracting(r -> r.condition().name()).containsExactly("EXPIRED", "MISSING");
        var rongcheng = catalogue.find("rongcheng-city-person").orElseThrow();
        assertThat(rongcheng.basePoints()).isEqualTo(1000);
        assertThat(rongcheng.grade(1050)).isEqualTo("AAA");
        assertThat(rongcheng.grade(1049)).isEqualTo("AA");
        assertThat(rongcheng.grade(1010)).isEqualTo("A+");
        assertThat(rongcheng.grade(960)).isEqualTo("A");
        assertThat(rongcheng.grade(959)).isEqualTo("B");
        assertThat(rongcheng.grade(599)).isEqualTo("D");
        assertThat(catalogue.find("corporate-compliance").orElseThrow().relations()).hasSize(3);
        assertThat(person.basePoints()).isEqualTo(1000);
        assertThat(person.grade(970)).isEqualTo("A");
        assertThat(person.grade(599)).isEqualTo("D");
        assertThat(catalogue.defaultFor(SubjectKind.LEGAL_ENTITY).orElseThrow().id()).isEqualTo("corporate-compliance");
        assertThat(catalogue.defaultFor(SubjectKind.GOVERNMENT_BODY)).isEmpty();
        assertThat(catalogue.find("corporate-compliance")).isPresent();
        assertThat(catalogue.find("nope")).isEmpty();
    }
}
