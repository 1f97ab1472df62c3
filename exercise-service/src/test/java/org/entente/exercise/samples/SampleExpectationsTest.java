package org.entente.exercise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.entente.exercise.generator.ScenarioGenerator;
import org.entente.exercise.report.AfterActionReport;
import org.entente.exercise.report.ExpectationResult;
import org.entente.exercise.report.ReportBuilder;
import org.entente.exercise.scenario.SampleScenariosTest;
import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The samples' expectations are what Entente does: every inject passes intake, routing and
 * minimisation are notification-service's own rules, and the points of contact act as scripted.
 */
class SampleExpectationsTest {

    static Stream<Path> samples() throws Exception {
        return SampleScenariosTest.samples();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldPassEveryExpectationOfTheSample(Path sample) {
        Scenario scenario = ScenarioParser.parse(sample);

        AfterActionReport report = ReportBuilder.build(scenario, ScriptedReplay.of(scenario));

        assertThat(report.expectations().results()).allSatisfy(result ->
                assertThat(result.passed()).as(result.expectation() + ": " + result.evidence()).isTrue());
        assertThat(report.expectations().results()).extracting(ExpectationResult::expectation)
                .hasSize(scenario.expectations().size());
    }

    @Test
    void shouldPassEveryExpectationOfAGeneratedScenario() {
        Scenario scenario = ScenarioGenerator.generate(300, 8, 5);

        AfterActionReport report = ReportBuilder.build(scenario, ScriptedReplay.of(scenario));

        assertThat(report.expectations().failed()).isZero();
        assertThat(report.expectations().passed()).isEqualTo(scenario.expectations().size()).isGreaterThanOrEqualTo(16);
    }
}
