package credit.platform.lists.definition.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** Terms of the lists (docs/domain.md, "Terms"): defaults, maxima, minima, extensions, counted in calendar periods. */
class TermPolicyTest {

    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

    /** SPC: 2 years, extendable by 1–3 years (at most 5), ground 1 until a deletion ground. */
    static final TermPolicy SPC = new TermPolicy(Period.ofYears(2), null, null, Period.ofYears(1), Period.ofYears(3), true);
    static final TermPolicy RAIL = new TermPolicy(Period.ofDays(180), null, null, null, null, false);
    static final TermPolicy GENERAL_PENALTY = new TermPolicy(Period.ofYears(1), Period.ofMonths(3), Period.ofYears(1),
            null, null, false);
    static final TermPolicy SAMR_ABNORMAL = new TermPolicy(null, null, null, null, null, true);

    @Test
    void spcRecordWithoutAnEndLastsTwoYearsToTheDay() {
        assertThat(SPC.resolve(NOV_1, null, false)).isEqualTo(new Term(NOV_1, LocalDate.of(2028, 10, 31)));
    }

    @Test
    void railBanLastsOneHundredEightyDays() {
        Term term = RAIL.resolve(NOV_1, null, false);
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(term.from(), term.until()) + 1).isEqualTo(180);
    }

    @Test
    void spcRecordMayBeSetUpToFiveYearsButNotOneDayMore() {
        assertThat(SPC.resolve(NOV_1, LocalDate.of(2031, 10, 31), false).until()).isEqualTo(LocalDate.of(2031, 10, 31));
        assertThatThrownBy(() -> SPC.resolve(NOV_1, LocalDate.of(2031, 11, 1), false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.violations()).extracting(RuleViolation::field).containsExactly("effectiveUntil");
                    assertThat(e.violations()).extracting(RuleViolation::rule).containsExactly("max-duration");
                });
    }

    @Test
    void endBeforeStartIsRejected() {
        assertThatThrownBy(() -> RAIL.resolve(NOV_1, NOV_1.minusDays(1), false))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().rule()).isEqualTo("not-before-effective-from"));
    }

    @Test
    void generalPenaltyIsPublishedAtLeastThreeMonthsAndByDefaultForTheMaximumYear() {
        assertThat(GENERAL_PENALTY.resolve(NOV_1, null, false).until()).isEqualTo(LocalDate.of(2027, 10, 31));
        assertThat(GENERAL_PENALTY.resolve(NOV_1, LocalDate.of(2027, 1, 31), false).until()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThatThrownBy(() -> GENERAL_PENALTY.resolve(NOV_1, LocalDate.of(2027, 1, 30), false))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().rule()).isEqualTo("min-duration"));
    }

    @Test
    void spcGroundOneLastsUntilADeletionGroundButRailBansDoNot() {
        assertThat(SPC.resolve(NOV_1, null, true).isOpenEnded()).isTrue();
        assertThatThrownBy(() -> RAIL.resolve(NOV_1, null, true))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().getFirst().rule()).isEqualTo("fixed-term-only"));
    }

    @Test
    void abnormalOperationsEntryLastsUntilCured() {
        assertThat(SAMR_ABNORMAL.resolve(NOV_1, null, false).isOpenEnded()).isTrue();
    }

    @Test
    void seriousDebtorIsExtendedByOneToThreeYearsAndNeverBeyondFiveInAll() {
        Term twoYears = SPC.resolve(NOV_1, null, false);

        assertThat(SPC.extend(twoYears, Period.ofYears(3)).until()).isEqualTo(LocalDate.of(2031, 10, 31));
        assertThat(rule(() -> SPC.extend(twoYears, Period.ofMonths(6)))).isEqualTo("min-extension");
        assertThat(rule(() -> SPC.extend(twoYears, Period.ofYears(4)))).isEqualTo("max-extension");
        Term fourYears = SPC.extend(twoYears, Period.ofYears(2));
        assertThat(rule(() -> SPC.extend(fourYears, Period.ofYears(2)))).isEqualTo("max-duration");
    }

    @Test
    void railBanCannotBeExtended() {
        assertThat(rule(() -> RAIL.extend(RAIL.resolve(NOV_1, null, false), Period.ofYears(1)))).isEqualTo("not-extendable");
    }

    private static String rule(Runnable call) {
        try {
            call.run();
        } catch (RuleViolationException e) {
            return e.violations().getFirst().rule();
        }
        throw new AssertionError("expected a rule violation");
    }

    @Test
    void aOneYearTermThatSpans29FebruaryHas366DaysAndOneFrom29FebruaryEndsOn28February() {
        TermPolicy oneYear = new TermPolicy(Period.ofYears(1), null, null, null, null, false);
        assertThat(oneYear.resolve(LocalDate.of(2027, 3, 1), null, false).until()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(oneYear.resolve(LocalDate.of(2024, 2, 29), null, false).until()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void anExtensionContinuesTheTermByACalendarPeriodFromTheDayAfterItsEnd() {
        Term term = SPC.resolve(LocalDate.of(2025, 3, 1), null, false);
        assertThat(term.until()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(SPC.extend(term, Period.ofYears(1)).until()).isEqualTo(LocalDate.of(2028, 2, 29));
    }
}
