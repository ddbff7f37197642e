package credit.platform.sanctions.travel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class DocumentValidationTest {

    static InvalidTravelCheckException invalid(DocumentScheme scheme, String number, String country) {
        return catchThrowableOfType(InvalidTravelCheckException.class, () -> TravelCheck.of("p", scheme, number,
                country, TravelMode.AIR, ServiceClass.AIR_ECONOMY, null, null));
    }

    @Test
    void residentIdWithAWrongCheckCharacterIsRejectedNamingTheNumber() {
        var e = invalid(DocumentScheme.RESIDENT_ID, "110105194912310021", null);

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("document.number");
            assertThat(v.rule()).isEqualTo("check-character");
        });
    }

    @Test
    void residentIdWithAnImpossibleBirthDateOrWrongLengthIsRejected() {
        assertThat(invalid(DocumentScheme.RESIDENT_ID, "110105194913310021", null).violations().getFirst().rule())
                .isEqualTo("resident-id-birth-date");
        assertThat(invalid(DocumentScheme.RESIDENT_ID, "1101051949123100", null).violations().getFirst().rule())
                .isEqualTo("resident-id-format");
    }

    @Test
    void passportNeedsItsIssuingCountry() {
        assertThat(invalid(DocumentScheme.PASSPORT, "E12345678", null).violations())
                .extracting(Violation::field).containsExactly("document.country");
    }

    @Test
    void validDocumentsMakeAValidCheck() {
        assertThat(TravelCheck.of("p", DocumentScheme.RESIDENT_ID, "11010519491231002x", null, TravelMode.AIR,
                ServiceClass.AIR_ECONOMY, null, null).document().number()).isEqualTo("11010519491231002X");
    }
}
