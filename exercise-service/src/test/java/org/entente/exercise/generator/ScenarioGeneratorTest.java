package org.entente.exercise.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

import org.entente.exercise.scenario.InlineReference;
import org.entente.exercise.scenario.Inject;
import org.entente.exercise.scenario.Scenario;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {

    @Test
    void shouldWriteTheSameFileForTheSameSeedAndAnotherForAnother() {
        assertThat(ScenarioGenerator.yaml(200, 6, 42)).isEqualTo(ScenarioGenerator.yaml(200, 6, 42))
                .isNotEqualTo(ScenarioGenerator.yaml(200, 6, 43));
    }

    @Test
    void shouldGenerateAValidScenarioOfTenThousandInjects() {
        Scenario scenario = ScenarioGenerator.generate(10_000, 12, 1);

        assertThat(scenario.injects()).hasSize(10_000);
        assertThat(scenario.participants()).hasSize(12).containsExactlyElementsOf(ScenarioGenerator.STATES.subList(0, 12));
        assertThat(scenario.injects()).extracting(Inject::reportingState).allMatch(scenario.participants()::contains);
        assertThat(scenario.injects()).isSortedAccordingTo(Comparator.comparing(Inject::at));
        assertThat(((InlineReference) scenario.reference()).agreements()).singleElement()
                .satisfies(agreement -> assertThat(agreement.parties()).isEqualTo(scenario.participants()));
        assertThat(scenario.behaviours()).hasSize(12);
    }

    @Test
    void shouldTimeEveryDependentInjectAfterTheInjectItFollows() {
        Scenario scenario = ScenarioGenerator.generate(2_000, 5, 9);
        Map<String, Duration> times = scenario.injects().stream().collect(Collectors.toMap(Inject::id, Inject::at));

        assertThat(scenario.injects()).filteredOn(inject -> !inject.after().isEmpty()).hasSizeGreaterThan(100)
                .allSatisfy(inject -> assertThat(inject.at()).isGreaterThan(times.get(inject.after().get(0))));
    }

    @Test
    void shouldRefuseSizesItCannotServe() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScenarioGenerator.yaml(0, 5, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> ScenarioGenerator.yaml(10, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> ScenarioGenerator.yaml(10, ScenarioGenerator.STATES.size() + 1, 1));
    }
}
