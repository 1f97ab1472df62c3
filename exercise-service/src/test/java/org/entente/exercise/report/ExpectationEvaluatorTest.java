package org.entente.exercise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.entente.events.DataCategory;
import org.entente.exercise.report.Observed.Agreement;
import org.entente.exercise.report.Observed.AlertIssued;
import org.entente.exercise.scenario.Expectation;
import org.entente.exercise.scenario.Expectation.Acknowledges;
import org.entente.exercise.scenario.Expectation.DoesNotReceive;
import org.entente.exercise.scenario.Expectation.EscalatesToBackup;
import org.entente.exercise.scenario.Expectation.Receives;
import org.entente.exercise.scenario.Expectation.ReceivesNoPersonalData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpectationEvaluatorTest {

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of(new Acknowledges("FI", "first", Duration.ofMinutes(30)),
                        new ExpectationResult("FI acknowledges first within 30m", true,
                                "alert at +0s, acknowledged at +20m by fi-ncsc-duty, after 20m")),
                Arguments.of(new Acknowledges("LV", "first", Duration.ofHours(1)),
                        new ExpectationResult("LV acknowledges first within 1h", false,
                                "alert at +0s, acknowledged at +1h10m by lv-ncsc-backup, after 1h10m, more than 1h")),
                Arguments.of(new Acknowledges("LV", "second", Duration.ofHours(1)),
                        new ExpectationResult("LV acknowledges second within 1h", false, "alert at +30m, never acknowledged")),
                Arguments.of(new Acknowledges("DK", "first", Duration.ofHours(1)),
                        new ExpectationResult("DK acknowledges first within 1h", false, "no alert of first reached DK")),
                Arguments.of(new Receives("LV", "second"),
                        new ExpectationResult("LV receives second", true, "alert at +30m under nb8-energy v1")),
                Arguments.of(new Receives("DK", "second"),
                        new ExpectationResult("DK receives second", false, "no alert of second reached DK")),
                Arguments.of(new DoesNotReceive("DK", "first"),
                        new ExpectationResult("DK does not receive first", true, "no alert of first reached DK")),
                Arguments.of(new DoesNotReceive("FI", "first"),
                        new ExpectationResult("FI does not receive first", false, "alert at +0s under estlink-energy v2")),
                Arguments.of(new ReceivesNoPersonalData("LV", null),
                        new ExpectationResult("LV receives no personal data", true,
                                "first at +0s: personal data withheld (not permitted under nb8-energy v1); "
                                        + "second at +30m: no personal data in the report")),
                Arguments.of(new ReceivesNoPersonalData("LV", "second"),
                        new ExpectationResult("LV receives no personal data in second", true,
                                "second at +30m: no personal data in the report")),
                Arguments.of(new ReceivesNoPersonalData("DK", null),
                        new ExpectationResult("DK receives no personal data", true, "no alert reached DK")),
                Arguments.of(new EscalatesToBackup("LV", "second"),
                        new ExpectationResult("LV escalates second to its backup", true,
                                "alert at +30m, escalated at +1h30m to lv-ncsc-backup")),
                Arguments.of(new EscalatesToBackup("FI", "first"),
                        new ExpectationResult("FI escalates first to its backup", false,
                                "alert at +0s, not escalated; acknowledged at +20m by fi-ncsc-duty")),
                Arguments.of(new EscalatesToBackup("DK", "first"),
                        new ExpectationResult("DK escalates first to its backup", false, "no alert of first reached DK")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("verdicts")
    void shouldJudgeEachExpectationWithItsEvidence(Expectation expectation, ExpectationResult expected) {
        assertThat(ExpectationEvaluator.evaluate(List.of(expectation), Drill.events())).containsExactly(expected);
    }

    @Test
    void shouldFailNoPersonalDataWhenAnAlertDisclosedSome() {
        List<Observed> events = new ArrayList<>(Drill.events());
        events.add(new AlertIssued(Duration.ofHours(2), "third", "LV", new Agreement("ee-lv-health-security", 1),
                List.of(new Agreement("ee-lv-health-security", 1)),
                List.of(DataCategory.OPERATIONAL, DataCategory.PERSONAL_DATA), List.of()));

        assertThat(ExpectationEvaluator.evaluate(List.of(new ReceivesNoPersonalData("LV", null)), events)).containsExactly(
                new ExpectationResult("LV receives no personal data", false,
                        "first at +0s: personal data withheld (not permitted under nb8-energy v1); "
                                + "second at +30m: no personal data in the report; "
                                + "third at +2h: personal data disclosed under ee-lv-health-security v1"));
    }

    @Test
    void shouldGiveTheSameVerdictsWhateverOrderTheEventsCameIn() {
        List<Expectation> expectations = Drill.scenario().expectations();
        List<Observed> shuffled = new ArrayList<>(Drill.events());
        Collections.shuffle(shuffled, new Random(7));

        assertThat(ExpectationEvaluator.evaluate(expectations, shuffled))
                .isEqualTo(ExpectationEvaluator.evaluate(expectations, Drill.events()));
    }
}
