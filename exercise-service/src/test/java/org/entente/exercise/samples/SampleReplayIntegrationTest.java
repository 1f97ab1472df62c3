package org.entente.exercise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.entente.events.CommitmentKind;
import org.entente.exercise.NotificationServiceReadiness;
import org.entente.exercise.WithNotificationService;
import org.entente.exercise.report.AfterActionReport;
import org.entente.exercise.report.JsonReport;
import org.entente.exercise.report.Observed;
import org.entente.exercise.report.ReportBuilder;
import org.entente.exercise.replay.ReplaySettings;
import org.entente.exercise.replay.SimulatedReplay;
import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sample scenarios replayed in simulated mode through a real notification-service on the real
 * test broker: the pipeline routes, delivers, escalates and judges exactly as the scenario's
 * rules say ({@link ScriptedReplay} works them out without Kafka), every expectation of the
 * sample passes, and a second replay of the same scenario gives the same report JSON, byte for byte.
 */
@WithNotificationService
class SampleReplayIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @LocalServerPort
    int notificationServicePort;

    @BeforeEach
    void awaitTheNotificationService() {
        NotificationServiceReadiness.awaitReady(notificationServicePort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"grid-ransomware", "subsea-cables", "hospital-breach", "red-intrusion"})
    void shouldReplayWhatTheRulesSayAndPassEveryExpectation(String sample) {
        Scenario scenario = sample(sample);

        List<Observed> observed = replay(scenario);

        assertThat(observed).hasAtLeastOneElementOfType(Observed.AlertIssued.class).hasAtLeastOneElementOfType(Observed.Acknowledged.class);
        assertThat(acknowledgementsOnly(observed)).containsExactlyInAnyOrderElementsOf(acknowledgementsOnly(ScriptedReplay.of(scenario)));
        AfterActionReport report = ReportBuilder.build(scenario, observed);
        assertThat(report.expectations().results()).allSatisfy(result -> assertThat(result.passed())
                .as("%s: %s", result.expectation(), result.evidence()).isTrue());
    }

    @Test
    void shouldGiveTheSameReportEveryTime() {
        Scenario scenario = sample("grid-ransomware");

        String first = JsonReport.render(ReportBuilder.build(scenario, replay(scenario)));
        String second = JsonReport.render(ReportBuilder.build(scenario, replay(scenario)));

        assertThat(second).isEqualTo(first);
    }

    private List<Observed> replay(Scenario scenario) {
        return new SimulatedReplay(ReplaySettings.forBroker(bootstrapServers), scenario, "test-" + UUID.randomUUID(),
                ScriptedReplay.START).run();
    }

    /**
     * The scenario scripts acknowledgements only; other commitments (assessments, reports) go
     * unanswered and end missed, which the rules-only replay leaves out.
     */
    private static List<Observed> acknowledgementsOnly(List<Observed> observed) {
        return observed.stream()
                .filter(event -> !(event instanceof Observed.CommitmentOutcome outcome) || outcome.kind() == CommitmentKind.ACKNOWLEDGE)
                .toList();
    }

    private static Scenario sample(String name) {
        return ScenarioParser.parse(Path.of("src/main/resources/org/entente/exercise/samples/" + name + ".yml"));
    }
}
