package org.entente.exercise.report;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.entente.exercise.report.AfterActionReport.AcknowledgementTimes;
import org.entente.exercise.report.AfterActionReport.PairCommitments;
import org.entente.exercise.report.AfterActionReport.StateCommitments;
import org.entente.exercise.report.AfterActionReport.StateTimeline;
import org.entente.exercise.report.AfterActionReport.TimelineEntry;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private final AfterActionReport report = ReportBuilder.build(Drill.scenario(), Drill.events());

    @Test
    void shouldCountPassedAndFailedExpectationsInScenarioOrder() {
        assertThat(report.expectations().passed()).isEqualTo(4);
        assertThat(report.expectations().failed()).isEqualTo(1);
        assertThat(report.expectations().results()).extracting(ExpectationResult::expectation, ExpectationResult::passed)
                .containsExactly(
                        tuple("FI acknowledges first within 30m", true),
                        tuple("LV acknowledges first within 1h", false),
                        tuple("LV receives second", true),
                        tuple("LV receives no personal data", true),
                        tuple("LV escalates second to its backup", true));
    }

    @Test
    void shouldCountCommitmentsPerRecipientStateAndPerPair() {
        assertThat(report.commitmentsByState()).containsExactly(
                new StateCommitments("EE", 1, 0, 0),
                new StateCommitments("FI", 1, 0, 0),
                new StateCommitments("LV", 0, 1, 1));
        assertThat(report.commitmentsByPair()).containsExactly(
                new PairCommitments("EE", "FI", 1, 0, 0),
                new PairCommitments("EE", "LV", 0, 1, 0),
                new PairCommitments("FI", "EE", 1, 0, 0),
                new PairCommitments("FI", "LV", 0, 0, 1));
    }

    @Test
    void shouldMeasureTimeToAcknowledgeFromEachAlertCountingUnansweredOnes() {
        assertThat(report.timeToAcknowledge()).containsExactly(
                new AcknowledgementTimes("EE", 1, 1, ofMinutes(20), ofMinutes(20), List.of(ofMinutes(20))),
                new AcknowledgementTimes("FI", 1, 1, ofMinutes(20), ofMinutes(20), List.of(ofMinutes(20))),
                new AcknowledgementTimes("LV", 2, 1, ofMinutes(70), ofMinutes(70), List.of(ofMinutes(70))));
    }

    @Test
    void shouldGiveEveryStateItsTimelineInTimeOrder() {
        assertThat(report.timelines()).containsExactly(
                new StateTimeline("EE", List.of(
                        new TimelineEntry(ZERO, "first", "reported", "Substation control lost (AMBER, high)"),
                        new TimelineEntry(ofMinutes(30), "second", "alert",
                                "from FI under estlink-energy v2 (covering estlink-energy v2, nb8-energy v1)"),
                        new TimelineEntry(ofMinutes(50), "second", "acknowledged", "by ee-cert-duty, 20m after the alert"),
                        new TimelineEntry(ofMinutes(50), "second", "acknowledge honoured", "due +1h"))),
                new StateTimeline("FI", List.of(
                        new TimelineEntry(ZERO, "first", "alert",
                                "from EE under estlink-energy v2 (covering estlink-energy v2, nb8-energy v1); "
                                        + "indicators withheld: not permitted under estlink-energy v2; "
                                        + "personal-data withheld: not permitted under estlink-energy v2, nb8-energy v1"),
                        new TimelineEntry(ofMinutes(20), "first", "acknowledged", "by fi-ncsc-duty, 20m after the alert"),
                        new TimelineEntry(ofMinutes(20), "first", "acknowledge honoured", "due +30m"),
                        new TimelineEntry(ofMinutes(30), "second", "reported", "Interconnector tripped (AMBER, high)"))),
                new StateTimeline("LV", List.of(
                        new TimelineEntry(ZERO, "first", "alert",
                                "from EE under nb8-energy v1; personal-data withheld: not permitted under nb8-energy v1"),
                        new TimelineEntry(ofMinutes(30), "second", "alert", "from FI under nb8-energy v1"),
                        new TimelineEntry(ofMinutes(60), "first", "escalated", "to lv-ncsc-backup (level 1)"),
                        new TimelineEntry(ofMinutes(70), "first", "acknowledged", "by lv-ncsc-backup, 1h10m after the alert"),
                        new TimelineEntry(ofMinutes(70), "first", "acknowledge late", "due +1h"),
                        new TimelineEntry(ofMinutes(90), "second", "escalated", "to lv-ncsc-backup (level 1)"),
                        new TimelineEntry(ofMinutes(150), "second", "acknowledge missed", "due +1h30m"))));
    }

    @Test
    void shouldBuildTheSameReportWhateverOrderTheEventsCameIn() {
        List<Observed> shuffled = new ArrayList<>(Drill.events());
        Collections.shuffle(shuffled, new Random(11));
        shuffled.add(shuffled.get(0));

        assertThat(ReportBuilder.build(Drill.scenario(), shuffled)).isEqualTo(report);
    }
}
