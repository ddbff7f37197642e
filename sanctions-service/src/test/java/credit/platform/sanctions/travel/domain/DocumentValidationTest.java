package credit.platform.sanctions.travel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import credit.platform.identifiers.IdentifierScheme;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A travel check's document and train number are read by the identifier kernel's rules, or refused naming the field. */
class DocumentValidationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static TravelCheck check(IdentifierScheme scheme, String number, String country) {
        return TravelCheck.of("p", scheme, number, country, TravelMode.AIR, ServiceClass.AIR_ECONOMY, null, null, TODAY);
    }

    static InvalidTravelCheckException invalid(IdentifierScheme scheme, String number, String country) {
        return catchThrowableOfType(InvalidTravelCheckException.class, () -> check(scheme, number, country));
    }

    static TravelCheck rail(String train) {
        return TravelCheck.of("p", IdentifierScheme.RESIDENT_ID, "11010519491231002X", null, TravelMode.RAIL,
                ServiceClass.RAIL_SECOND, train, null, TODAY);
    }

    @Test
    void residentIdWithAWrongCheckCharacterIsRejectedNamingTheNumber() {
        var e = invalid(IdentifierScheme.RESIDENT_ID, "110105194912310021", null);

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("document.number");
            assertThat(v.rule()).isEqualTo("check-character");
        });
    }

    @Test
    void residentIdWithAnImpossibleBirthDateWrongLengthOrNeverExistingAddressIsRejected() {
        assertThat(invalid(IdentifierScheme.RESIDENT_ID, "110105194913310021", null).violations().getFirst().rule())
                .isEqualTo("birth-date");
        assertThat(invalid(IdentifierScheme.RESIDENT_ID, "1101051949123100", null).violations().getFirst().rule())
                .isEqualTo("length");
        String first17 = "11019919800101123";
        assertThat(invalid(IdentifierScheme.RESIDENT_ID,
                first17 + credit.platform.identifiers.Identifiers.residentCheckCharacter(first17), null)
                .violations().getFirst().rule()).isEqualTo("address-code");
    }

    @Test
    void everySpellingTheRegistryAcceptsIsTheSameDocumentHere() {
        for (String written : new String[] {"11010519491231002x", " 110105-19491231-002X ", "１１０１０５１９４９１２３１００２Ｘ",
                "110105 19491231 002X", "110105491231002"}) {
            assertThat(check(IdentifierScheme.RESIDENT_ID, written, null).document().number()).as(written)
                    .isEqualTo("11010519491231002X");
        }
        assertThat(check(IdentifierScheme.PASSPORT, "ｅ１２３４５６７８", "chn").document())
                .isEqualTo(new TravelDocument(IdentifierScheme.PASSPORT, "E12345678", "CHN"));
    }

    @Test
    void residentIdsUnderRetiredDivisionsAndResidencePermitsAreDocuments() {
        for (String address : new String[] {"371202", "341421", "652101", "110221", "810000", "820000", "830000"}) {
            String first17 = address + "19800101123";
            String id = first17 + credit.platform.identifiers.Identifiers.residentCheckCharacter(first17);
            assertThat(check(IdentifierScheme.RESIDENT_ID, id, null).document().number()).as(address).isEqualTo(id);
        }
    }

    @Test
    void passportNeedsItsIssuingCountryAndACompanyCodeIsNoTravelDocument() {
        assertThat(invalid(IdentifierScheme.PASSPORT, "E12345678", null).violations())
                .extracting(Violation::field).containsExactly("document.country");
        assertThat(invalid(IdentifierScheme.USCC, "91350200776049653A", null).violations())
                .extracting(Violation::field, Violation::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("document.type", "travel-document"));
    }

    @Test
    void trainNumbersAreNormalisedForWidthCaseAndSpaces() {
        assertThat(rail("Ｇ１２３４").train()).isEqualTo(new TrainNumber("G1234", TrainCategory.G));
        assertThat(rail("ｄ301").train()).isEqualTo(new TrainNumber("D301", TrainCategory.D));
        assertThat(rail(" g 12 ").trainNumber()).isEqualTo("G12");
        assertThat(rail("c-2001").train().category()).isEqualTo(TrainCategory.C);
        assertThat(rail("1461").train().category()).isEqualTo(TrainCategory.ORDINARY);
        assertThat(rail("s5").train().category()).isEqualTo(TrainCategory.S);
    }

    @Test
    void aTrainNumberOfNoCategoryOrShapeIsRefusedNamingTheField() {
        for (String bad : new String[] {"X123", "G", "G12345", "GG12", "G12A", "高铁1"}) {
            var e = catchThrowableOfType(InvalidTravelCheckException.class, () -> rail(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.violations()).as(bad).singleElement().extracting(Violation::field).isEqualTo("trainNumber");
        }
        var missing = catchThrowableOfType(InvalidTravelCheckException.class, () -> rail(" "));
        assertThat(missing.violations()).singleElement().extracting(Violation::rule).isEqualTo("required");
    }
}
