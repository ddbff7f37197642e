package credit.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** One test per identifier rule of docs/domain.md, with the standards' own worked examples. */
class IdentifiersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static Identifier parse(IdentifierScheme scheme, String raw) {
        return Identifiers.parse(scheme, raw, null, TODAY);
    }

    static InvalidIdentifierException rejection(IdentifierScheme scheme, String raw, String country) {
        try {
            Identifiers.parse(scheme, raw, country, TODAY);
        } catch (InvalidIdentifierException e) {
            return e;
        }
        throw new AssertionError(raw + " was accepted");
    }

    @Test
    void standardsOwnResidentIdExampleIsValidAfterNormalisation() {
        assertThat(parse(IdentifierScheme.RESIDENT_ID, " 110105-19491231002x ").value()).isEqualTo("11010519491231002X");
        assertThat(parse(IdentifierScheme.RESIDENT_ID, "１１０１０５１９４９１２３１００２ｘ").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void residentIdWithWrongCheckCharacterSaysWhichWasExpected() {
        var e = rejection(IdentifierScheme.RESIDENT_ID, "110105194912310021", null);
        assertThat(e.rule()).isEqualTo("check-character");
        assertThat(e).hasMessage("check character is 1, expected X");
    }

    @Test
    void residentIdWithImpossibleBirthDateSaysItIsNotADate() {
        var e = rejection(IdentifierScheme.RESIDENT_ID, "110105203102300020", null);
        assertThat(e.rule()).isEqualTo("birth-date");
        assertThat(e).hasMessage("birth date 2031-02-30 is not a date");
    }

    @Test
    void residentIdBornInTheFutureIsRejected() {
        String first17 = "11010520270101002";
        var e = rejection(IdentifierScheme.RESIDENT_ID, first17 + Identifiers.residentCheckCharacter(first17), null);
        assertThat(e.rule()).isEqualTo("birth-date");
        assertThat(e).hasMessage("birth date 2027-01-01 is in the future");
    }

    @Test
    void residentIdWithUnknownProvinceOrPrefectureIsNotADivision() {
        String noProvince = "99010519491231002";
        var e = rejection(IdentifierScheme.RESIDENT_ID, noProvince + Identifiers.residentCheckCharacter(noProvince), null);
        assertThat(e.rule()).isEqualTo("address-code");
        assertThat(e).hasMessage("address code 990105 is not a GB/T 2260 division: no province 99 has ever been in GB/T 2260");
        String noPrefecture = "11990519491231002";
        assertThat(rejection(IdentifierScheme.RESIDENT_ID,
                noPrefecture + Identifiers.residentCheckCharacter(noPrefecture), null))
                .hasMessage("address code 119905 is not a GB/T 2260 division: no prefecture 1199 has ever been in GB/T 2260");
    }

    @Test
    void residentIdWithALetterInTheBodyOrWrongLengthIsRejected() {
        assertThat(rejection(IdentifierScheme.RESIDENT_ID, "1101051949123100AX", null))
                .hasMessage("character 17 of a resident ID must be a digit, found A");
        assertThat(rejection(IdentifierScheme.RESIDENT_ID, "1101051949", null).rule()).isEqualTo("length");
    }

    @Test
    void legacyFifteenDigitNumberIsConvertedToEighteenWithCentury19AndCheckCharacter() {
        assertThat(parse(IdentifierScheme.RESIDENT_ID, "110105491231002").value()).isEqualTo("11010519491231002X");
        assertThat(rejection(IdentifierScheme.RESIDENT_ID, "110105490231002", null))
                .hasMessage("birth date 1949-02-31 is not a date");
    }

    @Test
    void usccWorkedExampleIsValid() {
        assertThat(parse(IdentifierScheme.USCC, "91350200776049653A").value()).isEqualTo("91350200776049653A");
        assertThat(parse(IdentifierScheme.USCC, "9135 0200-7760 4965 3a").value()).isEqualTo("91350200776049653A");
    }

    @Test
    void usccWithWrongCheckCharacterSaysWhichWasExpected() {
        var e = rejection(IdentifierScheme.USCC, "91350200776049653B", null);
        assertThat(e.rule()).isEqualTo("check-character");
        assertThat(e).hasMessage("check character is B, expected A");
    }

    @Test
    void usccCharacterOutsideTheSetIsNamed() {
        var e = rejection(IdentifierScheme.USCC, "9135020077604965SA", null);
        assertThat(e.rule()).isEqualTo("character-set");
        assertThat(e).hasMessage("S is not in the USCC character set");
    }

    @Test
    void usccAuthorityTypePairMustBeFromThePublishedTable() {
        var e = rejection(IdentifierScheme.USCC, withChecks("94350200776049653"), null);
        assertThat(e.rule()).isEqualTo("registration-authority-type");
        assertThat(e).hasMessage("registration authority 9 issues organisation types 1, 2, 3, not 4");
        assertThat(rejection(IdentifierScheme.USCC, withChecks("B1350200776049653"), null))
                .hasMessage("B is not a registration-authority code of GB 32100-2015");
        assertThat(parse(IdentifierScheme.USCC, withChecks("51350200776049653")).value()).startsWith("51");
    }

    @Test
    void usccDivisionCodeMustBeAGbt2260Division() {
        var e = rejection(IdentifierScheme.USCC, withChecks("91990200776049653"), null);
        assertThat(e.rule()).isEqualTo("division-code");
        assertThat(e).hasMessage("division code 990200 is not a GB/T 2260 division: no province 99 has ever been in GB/T 2260");
        assertThat(parse(IdentifierScheme.USCC, withChecks("11100000776049653")).value()).contains("100000");
    }

    @Test
    void usccOrganisationCodeCheckAtPosition17IsVerified() {
        // 77604965 → GB 11714 check 3; put 4 and recompute position 18 so only position 17 is wrong.
        var e = rejection(IdentifierScheme.USCC, withChecks("91350200776049654"), null);
        assertThat(e.rule()).isEqualTo("organisation-code-check");
        assertThat(e).hasMessage("organisation code check character (position 17) is 4, expected 3");
        assertThat(Identifiers.organisationCodeCheck("77604965")).isEqualTo('3');
    }

    @Test
    void registrarOverrideAcceptsAUsccFailingOnlyItsCheckCharacterAndMarksIt() {
        Identifier overridden = Identifiers.parseOverridingCheckCharacter(IdentifierScheme.USCC,
                "91350200776049653B", null, TODAY);
        assertThat(overridden.value()).isEqualTo("91350200776049653B");
        assertThat(overridden.checkCharacterOverridden()).isTrue();

        Identifier valid = Identifiers.parseOverridingCheckCharacter(IdentifierScheme.USCC,
                "91350200776049653A", null, TODAY);
        assertThat(valid.checkCharacterOverridden()).isFalse();
    }

    @Test
    void registrarOverrideDoesNotExcuseAnyOtherRuleNorOtherSchemes() {
        assertThatThrownBy(() -> Identifiers.parseOverridingCheckCharacter(IdentifierScheme.USCC,
                "9135020077604965SA", null, TODAY)).hasMessage("S is not in the USCC character set");
        assertThatThrownBy(() -> Identifiers.parseOverridingCheckCharacter(IdentifierScheme.USCC,
                "94350200776049653A", null, TODAY)).extracting("rule").isEqualTo("registration-authority-type");
        assertThatThrownBy(() -> Identifiers.parseOverridingCheckCharacter(IdentifierScheme.RESIDENT_ID,
                "110105194912310021", null, TODAY)).extracting("rule").isEqualTo("override-not-allowed");
    }

    @Test
    void byDefaultAUsccFailingItsCheckIsNeverAccepted() {
        assertThatThrownBy(() -> parse(IdentifierScheme.USCC, "91350200776049653B"))
                .isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void passportNeedsAnIso3166Alpha3Country() {
        Identifier p = Identifiers.parse(IdentifierScheme.PASSPORT, "e1234-5678", "chn", TODAY);
        assertThat(p.value()).isEqualTo("E12345678");
        assertThat(p.issuingCountry()).isEqualTo("CHN");
        assertThat(p.key()).isEqualTo("PASSPORT:CHN:E12345678");
        assertThat(rejection(IdentifierScheme.PASSPORT, "E12345678", "XYZ"))
                .hasMessage("XYZ is not an ISO 3166-1 alpha-3 country code");
        assertThat(rejection(IdentifierScheme.PASSPORT, "E12345678", null).rule()).isEqualTo("issuing-country");
        assertThat(rejection(IdentifierScheme.PASSPORT, "E1#", "CHN").rule()).isEqualTo("format");
    }

    @Test
    void foreignPermanentResidentIdInBothCardForms() {
        assertThat(parse(IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID, "USA110081012345").value())
                .isEqualTo("USA110081012345");
        String first17 = "93384019800101001";
        String modern = first17 + Identifiers.residentCheckCharacter(first17);
        assertThat(parse(IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID, modern).value()).isEqualTo(modern);
        assertThat(rejection(IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID, "QQQ110081012345", null).rule())
                .isEqualTo("issuing-country");
        assertThat(rejection(IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID, first17 + "Y", null).rule())
                .isEqualTo("check-character");
    }

    @Test
    void emptyValueAndMissingSchemeAreNamed() {
        assertThat(rejection(IdentifierScheme.USCC, " - ", null).rule()).isEqualTo("required");
        assertThatThrownBy(() -> Identifiers.parse(null, "x", null, TODAY)).extracting("rule")
                .isEqualTo("scheme-required");
    }

    @Test
    void divisionsListHoldsTheCountyCodesOfTheSharedData() {
        assertThat(Divisions.gbt2260().counties()).hasSize(2978);
        assertThat(Divisions.gbt2260().isCounty("110105")).isTrue();
    }

    /** The 17 first characters completed with a correct position-18 check (position 17 as given). */
    static String withChecks(String first17) {
        return first17 + Identifiers.usccCheckCharacter(first17);
    }
}
