package org.entente.exercise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.entente.events.CommitmentKind;
import org.entente.exercise.NotificationServiceReadiness;
import org.entente.exercise.WithNotificationService;
import org.entente.exercise.report.AfterActionReport;
import org.entente.exercise.report.Observed;
import org.entente.exercise.report.ReportBuilder;
import org.entente.exercise.replay.LiveReplay;
import org.entente.exercise.replay.ReplaySettings;
import org.entente.exercise.scenario.Inject;
import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A sample played live, 600 times faster than real time (an hour in 6 s), through a real
 * notification-service: the exercise's clock runs, injects and scripted answers go out as scenario
 * time reaches them, and notification-service escalates and judges deadlines as they fall due. What
 * happens is what the scenario's rules say, times aside (delivery takes real time, compressed alike,
 * and moves each deadline with it), and every expectation of the sample passes.
 */
@WithNotificationService
class LiveReplayIntegrationTest {

    static final double SPEED = 600;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @LocalServerPort
    int notificationServicePort;

    @BeforeEach
    void awaitTheNotificationService() {
        NotificationServiceReadiness.awaitReady(notificationServicePort);
    }

    @Test
    void shouldPlayASampleLiveAsItsRulesSayAndPassEveryExpectation() {
        Scenario scenario = ScenarioParser.parse(Path.of("src/main/resources/org/entente/exercise/samples/red-intrusion.yml"));
        long started = System.nanoTime();

        List<Observed> observed = new LiveReplay(ReplaySettings.forBroker(bootstrapServers), scenario, "live-" + UUID.randomUUID(),
                ScriptedReplay.START, SPEED, Clock.systemUTC()).run();

        Duration lastInject = scenario.injects().stream().map(Inject::at).max(Duration::compareTo).orElseThrow();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("paced on the wall clock")
                .isGreaterThanOrEqualTo(Duration.ofMillis(Math.round(lastInject.toMillis() / SPEED)));
        assertThat(observed).hasAtLeastOneElementOfType(Observed.Acknowledged.class).hasAtLeastOneElementOfType(Observed.Escalated.class);
        assertThat(timeless(observed)).containsExactlyInAnyOrderElementsOf(timeless(ScriptedReplay.of(scenario)));
        AfterActionReport report = ReportBuilder.build(scenario, observed);
        assertThat(report.expectations().results()).allSatisfy(result -> assertThat(result.passed())
                .as("%s: %s", result.expectation(), result.evidence()).isTrue());
    }

    /**
     * What happened to whom, without when: alerts with their agreement and disclosures,
     * acknowledgements and escalations with their contact, acknowledgement outcomes with their
     * result (the scenario scripts acknowledgements only; the rules-only replay leaves the rest out).
     */
    private static List<List<Object>> timeless(List<Observed> observed) {
        return observed.stream().map(LiveReplayIntegrationTest::timeless).filter(event -> !event.isEmpty()).toList();
    }

    private static List<Object> timeless(Observed event) {
        if (event instanceof Observed.InjectSent sent) {
            return List.of("sent", sent.inject(), sent.reportingState());
        } else if (event instanceof Observed.AlertIssued alert) {
            return List.of("issued", alert.inject(), alert.recipientState(), alert.agreement(), alert.covering(), alert.disclosed(),
                    alert.withheld());
        } else if (event instanceof Observed.Acknowledged acknowledged) {
            return List.of("acknowledged", acknowledged.inject(), acknowledged.recipientState(), acknowledged.contactId());
        } else if (event instanceof Observed.Escalated escalated) {
            return List.of("escalated", escalated.inject(), escalated.recipientState(), escalated.level(), escalated.contactId());
        } else if (event instanceof Observed.CommitmentOutcome outcome && outcome.kind() == CommitmentKind.ACKNOWLEDGE) {
            return List.of("outcome", outcome.inject(), outcome.recipientState(), outcome.result());
        }
        return List.of();
    }
}
