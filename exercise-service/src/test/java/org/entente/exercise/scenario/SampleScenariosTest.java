package org.entente.exercise.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

public class SampleScenariosTest {

    public static final Path SAMPLES = Path.of("src/main/resources/org/entente/exercise/samples");

    public static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldAcceptEverySample(Path sample) {
        Scenario scenario = ScenarioParser.parse(sample);

        assertThat(scenario.objectives()).isNotEmpty();
        assertThat(scenario.injects()).hasSizeBetween(4, 12);
        assertThat(scenario.behaviours()).isNotEmpty();
        assertThat(scenario.expectations()).isNotEmpty();
    }
}
