package org.entente.trust.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.events.CommitmentKind.ACKNOWLEDGE;
import static org.entente.events.CommitmentKind.FINAL_REPORT;
import static org.entente.events.CommitmentKind.INITIAL_ASSESSMENT;
import static org.entente.events.CommitmentResult.HONOURED;
import static org.entente.events.CommitmentResult.LATE;
import static org.entente.events.CommitmentResult.MISSED;
import static org.entente.trust.figures.Outcomes.CLOCK;
import static org.entente.trust.figures.Outcomes.outcome;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Figures from tallies built outcome by outcome. Counts and ratios are exact. A percentile is the
 * highest value an HdrHistogram of 3 significant digits cannot tell from the nearest-rank one: exact
 * below 2,048 ms, above that the top of a slot up to 0.1% wide, so 30,000 ms reads 30,015 (slots
 * 16 ms wide there), 60,000 reads 60,031 (32 ms), 120,000 reads 120,063 (64 ms), 900,000 reads
 * 900,095 (512 ms) and 10,000 reads 10,007 (8 ms).
 */
class TrustCalculatorTest {

    private static final String NORDIC = "AGR-NORDIC";
    private static final String BALTIC = "AGR-BALTIC";

    /** Given: EE owes five commitments (one issued 40 days ago), FI one, LV one. */
    private static final List<Outcome> OUTCOMES = List.of(
            outcome("FI", "EE", NORDIC, ACKNOWLEDGE, HONOURED, 2, 60_000L),
            outcome("FI", "EE", NORDIC, INITIAL_ASSESSMENT, HONOURED, 2, 3_600_000L),
            outcome("LV", "EE", BALTIC, ACKNOWLEDGE, LATE, 5, 900_000L),
            outcome("LV", "EE", BALTIC, FINAL_REPORT, MISSED, 5, null),
            outcome("FI", "EE", NORDIC, ACKNOWLEDGE, HONOURED, 40, 120_000L),
            outcome("EE", "FI", NORDIC, ACKNOWLEDGE, MISSED, 1, null),
            outcome("EE", "LV", BALTIC, ACKNOWLEDGE, HONOURED, 3, 30_000L));

    private final TrustCalculator calculator = new TrustCalculator(CLOCK);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a late acknowledgement counts as late and in time to acknowledge",
                        new Subject.State("EE"), Window.ALL, new Figures(3, 1, 1, 5, 0.6, 120_063L, 900_095L)),
                Arguments.of("the 30-day window leaves out the alert issued 40 days ago",
                        new Subject.State("EE"), Window.LAST_30_DAYS, new Figures(2, 1, 1, 4, 0.5, 60_031L, 900_095L)),
                Arguments.of("a missed acknowledgement has no time to acknowledge",
                        new Subject.State("FI"), Window.ALL, new Figures(0, 0, 1, 1, 0.0, null, null)),
                Arguments.of("a state without outcomes has zero counts and no ratio",
                        new Subject.State("DK"), Window.ALL, new Figures(0, 0, 0, 0, null, null, null)),
                Arguments.of("a pair counts what the recipient owed the reporter",
                        new Subject.Pair("FI", "EE"), Window.ALL, new Figures(3, 0, 0, 3, 1.0, 60_031L, 120_063L)),
                Arguments.of("a pair over 30 days",
                        new Subject.Pair("FI", "EE"), Window.LAST_30_DAYS, new Figures(2, 0, 0, 2, 1.0, 60_031L, 60_031L)),
                Arguments.of("a pair is directed",
                        new Subject.Pair("EE", "FI"), Window.ALL, new Figures(0, 0, 1, 1, 0.0, null, null)),
                Arguments.of("a pair without outcomes",
                        new Subject.Pair("LV", "FI"), Window.ALL, new Figures(0, 0, 0, 0, null, null, null)),
                Arguments.of("an agreement covers every pair under it",
                        new Subject.Agreement(NORDIC), Window.ALL, new Figures(3, 0, 1, 4, 0.75, 60_031L, 120_063L)),
                Arguments.of("an agreement over 30 days",
                        new Subject.Agreement(NORDIC), Window.LAST_30_DAYS, new Figures(2, 0, 1, 3, 2.0 / 3, 60_031L, 60_031L)),
                Arguments.of("an agreement with a late, a missed and an honoured commitment",
                        new Subject.Agreement(BALTIC), Window.ALL, new Figures(1, 1, 1, 3, 1.0 / 3, 30_015L, 900_095L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldComputeFiguresFromTheTallies(String behaviour, Subject subject, Window window, Figures expected) {
        assertThat(calculator.figures(tallied(OUTCOMES), subject, window)).isEqualTo(expected);
    }

    @Test
    void shouldComputeFiguresOfEveryRecipientStateInCodeOrder() {
        assertThat(calculator.perRecipientState(tallied(OUTCOMES), Window.ALL)).containsExactly(
                Map.entry("EE", new Figures(3, 1, 1, 5, 0.6, 120_063L, 900_095L)),
                Map.entry("FI", new Figures(0, 0, 1, 1, 0.0, null, null)),
                Map.entry("LV", new Figures(1, 0, 0, 1, 1.0, 30_015L, 30_015L)));
    }

    @Test
    void shouldLeaveOutStatesWithoutOutcomesInTheWindow() {
        List<Outcome> onlyOld = List.of(outcome("FI", "EE", NORDIC, ACKNOWLEDGE, HONOURED, 40, 120_000L),
                outcome("EE", "FI", NORDIC, ACKNOWLEDGE, HONOURED, 3, 10_000L));

        assertThat(calculator.perRecipientState(tallied(onlyOld), Window.LAST_30_DAYS)).containsExactly(
                Map.entry("FI", new Figures(1, 0, 0, 1, 1.0, 10_007L, 10_007L)));
    }

    @Test
    void shouldLeaveResponseTimesOfOtherCommitmentsOutOfTimeToAcknowledge() {
        List<Outcome> noAcknowledgement = List.of(outcome("FI", "EE", NORDIC, FINAL_REPORT, HONOURED, 1, 5_000L));

        assertThat(calculator.figures(tallied(noAcknowledgement), new Subject.State("EE"), Window.ALL))
                .isEqualTo(new Figures(1, 0, 0, 1, 1.0, null, null));
    }

    private static TallyReader tallied(List<Outcome> outcomes) {
        InMemoryTallies tallies = new InMemoryTallies();
        Tallying tallying = new Tallying(tallies, CLOCK);
        outcomes.forEach(outcome -> tallying.replace(null, outcome));
        return tallies;
    }
}
