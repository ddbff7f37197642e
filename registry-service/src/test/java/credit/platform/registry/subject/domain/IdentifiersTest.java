package credit.platform.registry.subject.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void standardsOwnResidentIdExampleIsValidAndLowerCaseXNormalises() {
        Identifier id = Identifiers.parse(IdentifierScheme.RESIDENT_ID, " 110105-19491231002x ", null, TODAY);
        assertThat(id.value()).isEqualTo("11010519491231002X");
    }

    @Test
    void residentIdWithWrongCheckCharacterSaysWhichWasExpected() {
        assertThatThrownBy(() -> Identifiers.parse(IdentifierScheme.RESIDENT_ID, "110105194912310021", null, TODAY))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("check character is 1, expected X");
    }

    @Test
    void residentIdWithImpossibleBirthDateIsRejected() {
        assertThatThrownBy(() -> Identifiers.parse(IdentifierScheme.RESIDENT_ID, "110105203102300020", null, TODAY))
                .hasMessage("birth date 2031-02-30 is not a date");
    }

    @Test
    void usccWorkedExampleIsValidAndOneCharacterChangeIsCaught() {
        assertThat(Identifiers.parse(IdentifierScheme.USCC, "91350200776049653A", null, TODAY).value())
                .isEqualTo("91350200776049653A");
        assertThatThrownBy(() -> Identifiers.parse(IdentifierScheme.USCC, "91350200776049653B", null, TODAY))
                .hasMessage("check character is B, expected A");
        assertThatThrownBy(() -> Identifiers.parse(IdentifierScheme.USCC, "9135020077604965SA", null, TODAY))
                .hasMessage("S is not in the USCC character set");
    }

    @Test
    void fullWidthCharactersNormaliseToHalfWidth() {
        assertThat(Identifiers.normalise("１１０１０５１９４９１２３１００２ｘ")).isEqualTo("11010519491231002X");
        assertThat(Identifiers.normalise(Identifiers.normalise(" a-b c "))).isEqualTo(Identifiers.normalise(" a-b c "));
    }
}
