package credit.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The kernel's promises beyond the check algorithms: historical divisions, residence permits,
 * canonical keys, birth dates, scheme names, and the calendar of legal periods.
 */
class KernelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static String residentId(String address, String birth, String sequence) {
        String first17 = address + birth + sequence;
        return first17 + Identifiers.residentCheckCharacter(first17);
    }

    static String uscc(String first17) {
        return first17 + Identifiers.usccCheckCharacter(first17);
    }

    static Identifier parse(IdentifierScheme scheme, String raw) {
        return Identifiers.parse(scheme, raw, null, TODAY);
    }

    @Test
    void residentIdsIssuedUnderRetiredPrefecturesAndCountiesAreAccepted() {
        // Laiwu (3712, merged into Jinan 2018), Chaohu (3414, split 2011), Turpan and Hami prefectures
        // (6521/6522, cities since 2015/2016), Beijing's former counties (1102xx).
        for (String address : new String[] {"371202", "371203", "341421", "652101", "652122", "652201", "110221",
                "110229", "371200", "341400"}) {
            String id = residentId(address, "19800101", "123");
            assertThat(parse(IdentifierScheme.RESIDENT_ID, id).value()).as(address).isEqualTo(id);
        }
        assertThat(Divisions.gbt2260().historical("371200").retired()).isEqualTo(2018);
        assertThat(Divisions.gbt2260().historical("652200").level()).isEqualTo("prefecture");
    }

    @Test
    void usccsIssuedUnderRetiredDivisionsAreAccepted() {
        assertThat(parse(IdentifierScheme.USCC, uscc("91371200776049653")).value()).contains("371200");
        assertThat(parse(IdentifierScheme.USCC, uscc("91652101776049653")).value()).contains("652101");
    }

    @Test
    void legacyFifteenDigitNumberUnderARetiredCountyConverts() {
        String legacy = "110221800101123";
        assertThat(parse(IdentifierScheme.RESIDENT_ID, legacy).value()).isEqualTo(residentId("110221", "19800101", "123"));
    }

    @Test
    void residencePermitsForHongKongMacaoAndTaiwanResidentsAreResidentIds() {
        for (String address : Divisions.RESIDENCE_PERMIT_CODES.keySet()) {
            String id = residentId(address, "19900515", "002");
            Identifier parsed = parse(IdentifierScheme.RESIDENT_ID, id);
            assertThat(parsed.value()).isEqualTo(id);
            assertThat(Identifiers.birthDate(parsed)).contains(LocalDate.of(1990, 5, 15));
        }
        // 830000 is an address code of permits, not a GB/T 2260 division: no USCC carries it.
        assertThatThrownBy(() -> parse(IdentifierScheme.USCC, uscc("91830000776049653")))
                .extracting("rule").isEqualTo("division-code");
    }

    @Test
    void onlyCodesThatNeverExistedAreRejected() {
        var e = (InvalidIdentifierException) org.assertj.core.api.Assertions.catchThrowable(
                () -> parse(IdentifierScheme.RESIDENT_ID, residentId("110199", "19800101", "123")));
        assertThat(e.rule()).isEqualTo("address-code");
        assertThat(e).hasMessage("address code 110199 is not a GB/T 2260 division: no county 110199 has ever been in GB/T 2260");
        assertThatThrownBy(() -> parse(IdentifierScheme.RESIDENT_ID, residentId("371299", "19800101", "123")))
                .extracting("rule").isEqualTo("address-code");
        assertThatThrownBy(() -> parse(IdentifierScheme.RESIDENT_ID, residentId("840000", "19800101", "123")))
                .extracting("rule").isEqualTo("address-code");
    }

    @Test
    void everyHistoricalCodeIsSixDigitsOfAKnownProvinceAndNoneRepeatsACurrentOne() {
        Divisions d = Divisions.gbt2260();
        assertThat(d.historicalCodes()).hasSizeGreaterThan(3000).allSatisfy(code -> {
            assertThat(code).matches("[1-8][0-9]{5}");
            assertThat(d.isCounty(code)).isFalse();
            assertThat(d.problem(code, false)).isNull();
        });
    }

    @Test
    void canonicalKeyIsTheSameHoweverTheNumberIsWritten() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneOffset.UTC);
        String key = "RESIDENT_ID:11010519491231002X";
        for (String written : new String[] {"11010519491231002X", "11010519491231002x", " 110105-19491231-002X ",
                "１１０１０５１９４９１２３１００２ｘ", "110105 1949 1231 002 X", "110105491231002"}) {
            assertThat(Identifiers.canonicalKey(IdentifierScheme.RESIDENT_ID, written, null, clock)).as(written)
                    .isEqualTo(key);
        }
        assertThat(Identifiers.canonicalKey(IdentifierScheme.PASSPORT, "ｅ１２３４５６７８", " chn", clock))
                .isEqualTo("PASSPORT:CHN:E12345678");
        assertThatThrownBy(() -> Identifiers.canonicalKey(IdentifierScheme.PASSPORT, "E12345678", "", clock))
                .extracting("field").isEqualTo("issuingCountry");
        assertThatThrownBy(() -> Identifiers.canonicalKey(IdentifierScheme.RESIDENT_ID, "110105194912310021", null,
                clock)).extracting("field", "rule").containsExactly("value", "check-character");
    }

    @Test
    void bornTodayInChinaIsNotBornInTheFutureWhileUtcIsStillYesterday() {
        // 2026-11-26 01:30 in China is 2026-11-25 17:30 UTC.
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T17:30:00Z"), ZoneOffset.UTC);
        String bornToday = residentId("110105", "20261126", "002");
        assertThat(Identifiers.parse(IdentifierScheme.RESIDENT_ID, bornToday, null, clock).value()).isEqualTo(bornToday);
        String bornTomorrow = residentId("110105", "20261127", "002");
        assertThatThrownBy(() -> Identifiers.parse(IdentifierScheme.RESIDENT_ID, bornTomorrow, null, clock))
                .extracting("rule").isEqualTo("birth-date");
    }

    @Test
    void birthDateComesFromTheNumberForResidentAndNewPermanentResidentIdsOnly() {
        assertThat(Identifiers.birthDate(parse(IdentifierScheme.RESIDENT_ID, "11010519491231002X")))
                .contains(LocalDate.of(1949, 12, 31));
        String first17 = "93384019800101001";
        assertThat(Identifiers.birthDate(parse(IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID,
                first17 + Identifiers.residentCheckCharacter(first17)))).contains(LocalDate.of(1980, 1, 1));
        assertThat(Identifiers.birthDate(parse(IdentifierScheme.FOREIGN_PERMANENT_RESIDENT_ID, "USA110081012345")))
                .isEmpty();
        assertThat(Identifiers.birthDate(Identifiers.parse(IdentifierScheme.PASSPORT, "E12345678", "CHN", TODAY)))
                .isEmpty();
    }

    @Test
    void schemeNamesAreReadHoweverWritten() {
        assertThat(IdentifierScheme.of(" resident-id ")).contains(IdentifierScheme.RESIDENT_ID);
        assertThat(IdentifierScheme.of("Passport")).contains(IdentifierScheme.PASSPORT);
        assertThat(IdentifierScheme.of("IDCARD")).isEmpty();
        assertThat(IdentifierScheme.of(null)).isEmpty();
    }

    @Test
    void legalPeriodsCountCalendarUnitsFromTheFirstDay() {
        assertThat(ChinaTime.lastDay(LocalDate.of(2026, 11, 1), Period.ofYears(2))).isEqualTo(LocalDate.of(2028, 10, 31));
        // A one-year term across 29 February: 366 days, not 365.
        assertThat(ChinaTime.lastDay(LocalDate.of(2023, 3, 1), Period.ofYears(1))).isEqualTo(LocalDate.of(2024, 2, 29));
        // From 29 February: no such day next year, so the term runs to the end of February.
        assertThat(ChinaTime.lastDay(LocalDate.of(2024, 2, 29), Period.ofYears(1))).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(ChinaTime.lastDay(LocalDate.of(2024, 1, 31), Period.ofMonths(1))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ChinaTime.lastDay(LocalDate.of(2026, 1, 1), Period.ofDays(180))).isEqualTo(LocalDate.of(2026, 6, 29));
        assertThat(ChinaTime.endOf(LocalDate.of(2023, 3, 1), Period.ofYears(1)))
                .isEqualTo(Instant.parse("2024-02-29T16:00:00Z"));
    }
}
