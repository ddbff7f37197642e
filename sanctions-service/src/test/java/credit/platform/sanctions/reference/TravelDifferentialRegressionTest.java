package credit.platform.sanctions.reference;

import static credit.platform.sanctions.reference.Step.Focus.CAP_END;
import static credit.platform.sanctions.reference.Step.Focus.LEAP_DAY;
import static credit.platform.sanctions.reference.Step.Focus.NOW_PLUS;
import static credit.platform.sanctions.reference.Step.Focus.ROLE_FROM;
import static credit.platform.sanctions.reference.Step.Focus.ROLE_TO;
import static credit.platform.sanctions.reference.Step.Spelling.CANONICAL;
import static credit.platform.sanctions.reference.Step.Spelling.FULL_WIDTH;
import static credit.platform.sanctions.reference.Step.Spelling.LEGACY_15;
import static credit.platform.sanctions.reference.Step.Spelling.LOWER_CASE;
import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.sanctions.enforcement.domain.Role;
import credit.platform.sanctions.travel.domain.TrainCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Histories the differential test (or its design) found wrong, kept by name: each runs against the
 * index and the reference like a generated one, and checks that the case it is about really occurs.
 * Persons 0–3 are p0–p3 (documents 0–3), passports are documents 4–6, companies 0–1; lists are
 * 0 spc-dishonest-debtors, 1 rail-safety-offenders, 2 ndrc-serious-dishonesty-travel.
 */
class TravelDifferentialRegressionTest {

    static Step.Check check(int document, Step.Spelling spelling, TrainCategory train, Step.Focus focus, int focusIndex,
            int offsetDays, int jitter) {
        return new Step.Check(document, spelling, train, false, focus, focusIndex, offsetDays, jitter, 600);
    }

    /** Runs the history and returns the reference's answers of its last check (every class of every mode). */
    static List<ReferenceEvaluator.Answer> lastAnswers(List<Step> steps) {
        Histories.run(0, steps);
        World w = new World(0);
        for (Step s : steps.subList(0, steps.size() - 1)) {
            s.apply(w);
        }
        return Case.expand(w, (Step.Check) steps.getLast()).stream().map(c -> ReferenceEvaluator.decide(w, c)).toList();
    }

    static long denials(List<ReferenceEvaluator.Answer> answers) {
        return answers.stream().filter(a -> a.decision().equals("DENY")).count();
    }

    @Test
    void aPassportBoundAfterTheListingDeniesByPassport() {
        var answers = lastAnswers(List.of(
                new Step.Listing(0, 0, -10, null),
                new Step.Advance(60),
                new Step.Bind(0, 0),
                check(4, LOWER_CASE, TrainCategory.G, NOW_PLUS, 0, 3, 0)));
        assertThat(denials(answers)).isPositive();
    }

    @Test
    void anUnboundPassportNoLongerDenies() {
        var answers = lastAnswers(List.of(
                new Step.Bind(0, 0),
                new Step.Listing(0, 0, -10, null),
                new Step.Unbind(0),
                check(4, CANONICAL, TrainCategory.G, NOW_PLUS, 0, 3, 0)));
        assertThat(denials(answers)).isZero();
    }

    @Test
    void aLegalRepresentativeWhoseRoleStartsAfterTheListingIsBoundFromItsFirstDayWithNoFurtherEvent() {
        List<Step> history = List.of(
                new Step.Listing(0, 4, -30, null), // company c0 on the SPC list
                new Step.AddRole(0, 1, Role.LEGAL_REPRESENTATIVE, 5, null),
                new Step.Advance(10L * 24 * 60),
                check(1, FULL_WIDTH, TrainCategory.D, ROLE_FROM, 0, 0, 0));
        assertThat(denials(lastAnswers(history))).isPositive();
        List<Step> dayBefore = List.of(history.get(0), history.get(1), history.get(2),
                check(1, FULL_WIDTH, TrainCategory.D, ROLE_FROM, 0, 0, -1));
        assertThat(denials(lastAnswers(dayBefore))).isZero();
    }

    @Test
    void aPersonHoldingTheSameRoleInTwoPeriodsIsBoundInBoth() {
        // Found by reasoning while writing the differential test: putting the second binding of the same
        // record removed the first (EnforcementIndex.put replaced it), so the first period was ALLOWED.
        List<Step> history = List.of(
                new Step.Listing(0, 4, -400, null),
                new Step.AddRole(0, 2, Role.LEGAL_REPRESENTATIVE, -300, 30),
                new Step.AddRole(0, 2, Role.DIRECTLY_RESPONSIBLE_PERSON, -100, null),
                check(2, CANONICAL, TrainCategory.K, ROLE_TO, 0, 0, 0));
        assertThat(denials(lastAnswers(history))).isPositive();
    }

    @Test
    void seriousDishonestyBarsASoftSleeperAndAOneYearCapAcross29FebruaryHas366Days() {
        List<Step> history = List.of(
                new Step.Advance(300L * 24 * 60), // now is in 2028, after 29 February
                new Step.Listing(2, 3, -360, null),
                check(3, LEGACY_15, TrainCategory.K, CAP_END, 0, 0, 0));
        var onTheLastDay = lastAnswers(history);
        assertThat(onTheLastDay.stream().anyMatch(a -> a.reasons().stream()
                .anyMatch(r -> r.endsWith("/RAIL_SOFT_SLEEPER_BAN")))).isTrue();
        List<Step> dayAfter = List.of(history.get(0), history.get(1), check(3, LEGACY_15, TrainCategory.K, CAP_END, 0, 0, 1));
        assertThat(denials(lastAnswers(dayAfter))).isZero();
    }

    @Test
    void aCheckOn29February2028FindsTheRecordsOfThatDay() {
        List<Step> history = List.of(
                new Step.Listing(1, 2, 200, 180),
                check(2, CANONICAL, TrainCategory.ORDINARY, LEAP_DAY, 0, 0, 0));
        Histories.run(0, history);
    }
}
