package org.entente.trust.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.events.CommitmentKind.ACKNOWLEDGE;
import static org.entente.events.CommitmentKind.INITIAL_ASSESSMENT;
import static org.entente.events.CommitmentResult.HONOURED;
import static org.entente.events.CommitmentResult.LATE;
import static org.entente.events.CommitmentResult.MISSED;
import static org.entente.trust.OutcomeEvents.inExercise;
import static org.entente.trust.OutcomeEvents.outcome;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KeyValue;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.schemas.EventSerde;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Topics;
import org.entente.testing.MutableClock;
import org.entente.trust.figures.Figures;
import org.entente.trust.figures.Subject;
import org.entente.trust.figures.TrustCalculator;
import org.entente.trust.figures.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake in a topology: outcomes in the store, and their tallies beside them. A percentile is
 * the top of the bucket (an HdrHistogram slot) that holds the exact value: 60,000 ms reads 60,031 (slots are
 * 32 ms wide there), 90,000,000 reads 90,046,463 (65,536 ms wide, 0.07%).
 */
class CommitmentOutcomeIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant ISSUED_AT = Instant.parse("2026-11-20T09:00:00Z");

    private static final CommitmentOutcomeRecorded ACKNOWLEDGED =
            outcome("A-1", ACKNOWLEDGE, "FI", "EE", "AGR-NORDIC", HONOURED, ISSUED_AT, 60_000L);
    private static final CommitmentOutcomeRecorded ASSESSED_LATE =
            outcome("A-1", INITIAL_ASSESSMENT, "FI", "EE", "AGR-NORDIC", LATE, ISSUED_AT, 18_000_000L);
    private static final Figures ONE_HONOURED_ONE_LATE = new Figures(1, 1, 0, 2, 0.5, 60_031L, 60_031L);

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(NOW);
    private IntakeDriver<CommitmentOutcomeRecorded> intake;

    @BeforeEach
    void startTopology() {
        intake = new IntakeDriver<>(Topics.COMMITMENT_OUTCOMES.name(), EventSerde.of(CommitmentOutcomeRecorded.class),
                new CommitmentOutcomeIntake(clock), stateDir);
    }

    @AfterEach
    void stopTopology() {
        intake.close();
    }

    @Test
    void shouldStoreEachOutcomeUnderItsAlertAndKindAndCountItAllTimeAndOnItsDay() {
        pipe(ACKNOWLEDGED, ASSESSED_LATE);

        assertThat(stored()).containsExactly(
                KeyValue.pair("A-1/ACKNOWLEDGE", ACKNOWLEDGED),
                KeyValue.pair("A-1/INITIAL_ASSESSMENT", ASSESSED_LATE));
        assertThat(tallies()).containsExactly(
                Map.entry("2026-11-20|EE|FI|AGR-NORDIC", ONE_HONOURED_ONE_LATE),
                Map.entry("all|EE|FI|AGR-NORDIC", ONE_HONOURED_ONE_LATE));
    }

    @Test
    void shouldDropExerciseOutcomes() {
        pipe(inExercise(outcome("X-1", ACKNOWLEDGE, "FI", "EE", "AGR-NORDIC", MISSED, ISSUED_AT, null), "EX-7"));

        assertThat(stored()).isEmpty();
        assertThat(tallies()).isEmpty();
    }

    @Test
    void shouldChangeNothingWhenAPartitionIsReplayed() {
        List<CommitmentOutcomeRecorded> partition = List.of(ACKNOWLEDGED, ASSESSED_LATE);
        partition.forEach(this::pipe);
        List<KeyValue<String, CommitmentOutcomeRecorded>> beforeReplay = stored();

        partition.forEach(this::pipe);

        assertThat(stored()).isEqualTo(beforeReplay).hasSize(2);
        assertThat(tallies()).containsExactly(
                Map.entry("2026-11-20|EE|FI|AGR-NORDIC", ONE_HONOURED_ONE_LATE),
                Map.entry("all|EE|FI|AGR-NORDIC", ONE_HONOURED_ONE_LATE));
    }

    @Test
    void shouldKeepTheLatestOutcomeOfACommitmentAndCountItInsteadOfTheEarlierOne() {
        CommitmentOutcomeRecorded missed = outcome("A-2", ACKNOWLEDGE, "LV", "EE", "AGR-BALTIC", MISSED, ISSUED_AT, null);
        CommitmentOutcomeRecorded lateAfterAll = outcome("A-2", ACKNOWLEDGE, "LV", "EE", "AGR-BALTIC", LATE, ISSUED_AT, 90_000_000L);
        Figures oneLate = new Figures(0, 1, 0, 1, 0.0, 90_046_463L, 90_046_463L);

        pipe(missed, lateAfterAll);

        assertThat(stored()).containsExactly(KeyValue.pair("A-2/ACKNOWLEDGE", lateAfterAll));
        assertThat(tallies()).containsExactly(
                Map.entry("2026-11-20|EE|LV|AGR-BALTIC", oneLate),
                Map.entry("all|EE|LV|AGR-BALTIC", oneLate));
    }

    @Test
    void shouldDeleteTheDayTalliesThatLeaveThe30DayWindow() {
        TrustCalculator calculator = new TrustCalculator(clock);
        pipe(ACKNOWLEDGED, ASSESSED_LATE);

        // 2026-11-20 holds now − 30 days until the end of 2026-12-20; from 2026-12-21 it is out
        clock.set(Instant.parse("2026-12-21T00:00:00Z"));
        intake.driver().advanceWallClockTime(Duration.ofHours(1));

        assertThat(tallies()).containsOnlyKeys("all|EE|FI|AGR-NORDIC");
        Subject estonia = new Subject.State("EE");
        assertThat(calculator.figures(intake.reader(CommitmentOutcomeIntake.TALLIES), estonia, Window.LAST_30_DAYS))
                .isEqualTo(new Figures(0, 0, 0, 0, null, null, null));
        assertThat(calculator.figures(intake.reader(CommitmentOutcomeIntake.TALLIES), estonia, Window.ALL))
                .isEqualTo(ONE_HONOURED_ONE_LATE);
    }

    @Test
    void shouldKeepTheDayTalliesOfTheWindowsFirstDay() {
        pipe(ACKNOWLEDGED);

        clock.set(Instant.parse("2026-12-20T23:59:59Z"));
        intake.driver().advanceWallClockTime(Duration.ofHours(1));

        assertThat(tallies()).containsOnlyKeys("2026-11-20|EE|FI|AGR-NORDIC", "all|EE|FI|AGR-NORDIC");
    }

    @Test
    void shouldRejectAnOutcomeKeyedByAnotherStateThanItsRecipientBeforeStoringIt() {
        assertThatThrownBy(() -> pipe("FI", ACKNOWLEDGED))
                .hasRootCauseInstanceOf(InvalidEventException.class)
                .hasRootCauseMessage("key \"FI\" is not the event's recipientState \"EE\"");

        assertThat(stored()).isEmpty();
    }

    @Test
    void shouldRejectWhatATallyCannotHoldBeforeStoringIt() {
        assertThatThrownBy(() -> pipe(outcome("A-3", ACKNOWLEDGE, "fi", "EE", "AGR-NORDIC", HONOURED, ISSUED_AT, 60_000L)))
                .hasRootCauseInstanceOf(InvalidEventException.class)
                .hasRootCauseMessage("reportingState \"fi\" is not an ISO 3166-1 alpha-2 code");
        assertThatThrownBy(() -> pipe(outcome("A-4", ACKNOWLEDGE, "FI", "EE", "AGR-NORDIC", HONOURED, ISSUED_AT, -1L)))
                .hasRootCauseInstanceOf(InvalidEventException.class)
                .hasRootCauseMessage("responseMillis -1 is negative");

        assertThat(stored()).isEmpty();
        assertThat(tallies()).isEmpty();
    }

    private void pipe(CommitmentOutcomeRecorded... outcomes) {
        for (CommitmentOutcomeRecorded outcome : outcomes) {
            pipe(outcome.getRecipientState(), outcome);
        }
    }

    private void pipe(String key, CommitmentOutcomeRecorded outcome) {
        intake.input().pipeInput(key, outcome);
    }

    private List<KeyValue<String, CommitmentOutcomeRecorded>> stored() {
        return intake.stored(CommitmentOutcomeIntake.STORE);
    }

    private Map<String, Figures> tallies() {
        return intake.tallies(CommitmentOutcomeIntake.TALLIES);
    }
}
