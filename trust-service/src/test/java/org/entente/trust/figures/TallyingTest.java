package org.entente.trust.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.events.CommitmentKind.ACKNOWLEDGE;
import static org.entente.events.CommitmentKind.FINAL_REPORT;
import static org.entente.events.CommitmentResult.HONOURED;
import static org.entente.events.CommitmentResult.LATE;
import static org.entente.events.CommitmentResult.MISSED;
import static org.entente.trust.figures.Outcomes.CLOCK;
import static org.entente.trust.figures.Outcomes.NOW;
import static org.entente.trust.figures.Outcomes.outcome;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TallyingTest {

    private static final String NORDIC = "AGR-NORDIC";
    /** Issued on 2026-11-28, two days before now. */
    private static final Outcome HONOURED_IN_A_MINUTE = outcome("FI", "EE", NORDIC, ACKNOWLEDGE, HONOURED, 2, 60_000L);
    private static final Figures ONE_HONOURED_IN_A_MINUTE = new Figures(1, 0, 0, 1, 1.0, 60_031L, 60_031L);

    private final InMemoryTallies tallies = new InMemoryTallies();
    private final Tallying tallying = new Tallying(tallies, CLOCK);

    @Test
    void shouldCountAnOutcomeAllTimeAndOnItsIssueDay() {
        tallying.replace(null, HONOURED_IN_A_MINUTE);

        assertThat(tallies.figures()).containsExactly(
                Map.entry("2026-11-28|EE|FI|AGR-NORDIC", ONE_HONOURED_IN_A_MINUTE),
                Map.entry("all|EE|FI|AGR-NORDIC", ONE_HONOURED_IN_A_MINUTE));
    }

    @Test
    void shouldChangeNothingWhenAnOutcomeIsReplayed() {
        tallying.replace(null, HONOURED_IN_A_MINUTE);

        tallying.replace(HONOURED_IN_A_MINUTE, HONOURED_IN_A_MINUTE);

        assertThat(tallies.figures()).containsOnlyKeys("2026-11-28|EE|FI|AGR-NORDIC", "all|EE|FI|AGR-NORDIC")
                .allSatisfy((key, figures) -> assertThat(figures).isEqualTo(ONE_HONOURED_IN_A_MINUTE));
    }

    @Test
    void shouldMoveAnOverwrittenOutcomeFromOneCountToTheOther() {
        Outcome missed = outcome("LV", "EE", NORDIC, ACKNOWLEDGE, MISSED, 2, null);
        Outcome lateAfterAll = outcome("LV", "EE", NORDIC, ACKNOWLEDGE, LATE, 2, 900_000L);
        tallying.replace(null, HONOURED_IN_A_MINUTE);
        tallying.replace(null, missed);

        tallying.replace(missed, lateAfterAll);

        assertThat(tallies.figures()).containsEntry("all|EE|LV|AGR-NORDIC", new Figures(0, 1, 0, 1, 0.0, 900_095L, 900_095L))
                .containsEntry("2026-11-28|EE|LV|AGR-NORDIC", new Figures(0, 1, 0, 1, 0.0, 900_095L, 900_095L))
                .containsEntry("all|EE|FI|AGR-NORDIC", ONE_HONOURED_IN_A_MINUTE);
    }

    @Test
    void shouldTakeBackTheResponseTimeOfAnOverwrittenAcknowledgement() {
        Outcome lateInAnHour = outcome("FI", "EE", NORDIC, ACKNOWLEDGE, LATE, 2, 3_600_000L);
        tallying.replace(null, lateInAnHour);

        tallying.replace(lateInAnHour, HONOURED_IN_A_MINUTE);

        assertThat(tallies.figures()).containsEntry("all|EE|FI|AGR-NORDIC", ONE_HONOURED_IN_A_MINUTE);
    }

    @Test
    void shouldDeleteATallyLeftWithoutOutcomes() {
        Outcome underAnotherAgreement = outcome("FI", "EE", "AGR-BILATERAL", ACKNOWLEDGE, HONOURED, 2, 60_000L);
        tallying.replace(null, underAnotherAgreement);

        tallying.replace(underAnotherAgreement, HONOURED_IN_A_MINUTE);

        assertThat(tallies.figures()).containsOnlyKeys("2026-11-28|EE|FI|AGR-NORDIC", "all|EE|FI|AGR-NORDIC");
    }

    @Test
    void shouldCountAnOutcomeIssuedBeforeTheWindowAllTimeOnly() {
        Outcome old = outcome("FI", "EE", NORDIC, FINAL_REPORT, HONOURED, 31, 3_600_000L);

        tallying.replace(null, old);
        tallying.replace(old, outcome("FI", "EE", NORDIC, FINAL_REPORT, LATE, 31, 90_000_000L));

        assertThat(tallies.figures()).containsExactly(Map.entry("all|EE|FI|AGR-NORDIC", new Figures(0, 1, 0, 1, 0.0, null, null)));
    }

    @Test
    void shouldCountAnOutcomeOnTheFirstDayOfTheWindow() {
        // 30 days and 6 hours before now is still 2026-10-31, the day that holds now − 30 days
        Outcome onTheFirstDay = new Outcome("FI", "EE", NORDIC, FINAL_REPORT, HONOURED,
                NOW.minus(Duration.ofDays(30).plusHours(6)), 3_600_000L);

        tallying.replace(null, onTheFirstDay);

        assertThat(tallies.figures()).containsOnlyKeys("2026-10-31|EE|FI|AGR-NORDIC", "all|EE|FI|AGR-NORDIC");
    }

    @Test
    void shouldRefuseToTakeBackAnOutcomeNoTallyCounted() {
        assertThatThrownBy(() -> tallying.replace(HONOURED_IN_A_MINUTE, outcome("FI", "EE", NORDIC, ACKNOWLEDGE, LATE, 2, 60_000L)))
                .isInstanceOf(IllegalStateException.class);
    }
}
