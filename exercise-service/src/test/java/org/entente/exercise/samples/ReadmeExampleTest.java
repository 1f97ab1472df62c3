package org.entente.exercise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.entente.exercise.report.AfterActionReport;
import org.entente.exercise.report.ReportBuilder;
import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioParser;
import org.junit.jupiter.api.Test;

/** The complete example of the format's documentation validates and its expectations hold. */
class ReadmeExampleTest {

    private static final String HEADING = "### A complete example";

    @Test
    void shouldPassEveryExpectationOfTheDocumentedExample() throws IOException {
        Scenario scenario = ScenarioParser.parse("README.md", example());

        AfterActionReport report = ReportBuilder.build(scenario, ScriptedReplay.of(scenario));

        assertThat(report.expectations().results()).hasSize(5).allSatisfy(result ->
                assertThat(result.passed()).as(result.expectation() + ": " + result.evidence()).isTrue());
    }

    /** The first YAML block after the example's heading. */
    private static String example() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n", readme.indexOf(HEADING)) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```\n", start));
    }
}
