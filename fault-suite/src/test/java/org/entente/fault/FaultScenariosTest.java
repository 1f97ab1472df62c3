package org.entente.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The short fault scenarios of {@code ./mvnw verify}, against a {@link FaultCluster} of real
 * processes (one standalone broker; three Kafka nodes for broker-kill, which runs last, once the
 * first cluster is closed): each runs {@code entente.fault.duration} of traffic (default 20 s)
 * through its fault, prints its line and fails unless every alert owed was delivered exactly once,
 * with its ledger entries, webhook calls and escalations. Before them, one run that must fail:
 * poison against an intake that refuses every report. Skipped when a soak is asked for
 * ({@code -Dentente.soak=PT10M}): {@link SoakTest} runs the same scenarios then.
 */
@DisabledIfSystemProperty(named = "entente.soak", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosTest {

    /** Traffic of the run against an intake that refuses everything: long enough for poison's three rounds, no longer. */
    private static final Duration REFUSING_INTAKE_TRAFFIC = Duration.ofSeconds(6);

    /**
     * In the order the soak runs them too: clock-skew last of those on one broker, as it leaves
     * notification-service skewed; broker-kill, on three nodes, after them.
     */
    static List<Scenario> scenarios() {
        return List.of(new PoisonRecords(), new BrokerRestart(), new NotificationKill(), new ScaleOutAndIn(),
                new ReplayFromZero(), new ClockSkew(), new BrokerKill());
    }

    @AfterAll
    static void stopCluster() {
        FaultCluster.closeRunning();
    }

    /**
     * The suite's own proof that a scenario can fail: poison, with its traffic sent to an intake
     * that answers every report 503 ({@link RefusingIntake}), on the real cluster, fails on what
     * the rule says and on nothing else: no report accepted, no alert owed, every refusal beyond
     * the none it allows.
     */
    @Test
    @Order(0)
    void shouldFailAScenarioRunAgainstAnIntakeThatRefusesEveryReport() {
        PoisonRecords poison = new PoisonRecords();
        FaultCluster cluster = FaultCluster.of(poison.brokers());
        cluster.ensureBaseline();
        try (RefusingIntake intake = RefusingIntake.start()) {
            AlertCount.Result result = poison.runAndReport(cluster, "refusing-intake", intake::baseUrl, REFUSING_INTAKE_TRAFFIC);
            System.out.println(Scenario.describe(result));

            assertThat(result.reports().sent()).isZero();
            assertThat(result.reports().refused()).isPositive().isEqualTo(intake.received());
            assertThat(result.failures()).containsExactly("the intake accepted no report", "no alert was owed",
                    "the intake refused %d reports, 0 allowed".formatted(result.reports().refused()));
        }
    }

    @Test
    @Order(1)
    void shouldDeliverEveryGoodIncidentAndMovePastPoisonBytesAndUnknownFingerprints() {
        assertExact(new PoisonRecords());
    }

    @Test
    @Order(2)
    void shouldDeliverEveryAlertOnceWhenTheBrokerRestartsWhileIncidentsFlow() {
        assertExact(new BrokerRestart());
    }

    @Test
    @Order(3)
    void shouldDeliverEveryAlertOnceWhenNotificationServiceIsKilledMidBatchAndRestarted() {
        assertExact(new NotificationKill());
    }

    @Test
    @Order(4)
    void shouldDeliverEveryAlertOnceWhileNotificationServiceScalesFromOneToTwoToOne() {
        assertExact(new ScaleOutAndIn());
    }

    @Test
    @Order(5)
    void shouldDuplicateNoAlertAndKeepTrustFiguresWhenEveryInputIsReplayedFromOffsetZero() {
        assertExact(new ReplayFromZero());
    }

    @Test
    @Order(6)
    void shouldJudgeAcknowledgementsAsTheDesignComputesThemWhenOneServiceClockIsFiveMinutesOff() {
        assertExact(new ClockSkew());
    }

    @Test
    @Order(7)
    void shouldLoseNothingAcceptedWhenTheLeaderOfMostAlertPartitionsOfThreeReplicatedBrokersIsKilled() {
        assertExact(new BrokerKill());
    }

    private static void assertExact(Scenario scenario) {
        FaultCluster cluster = FaultCluster.of(scenario.brokers());
        cluster.ensureBaseline();
        AlertCount.Result result = scenario.runAndReport(cluster, 1);
        assertThat(result.exact()).as(Scenario.describe(result)).isTrue();
    }
}
