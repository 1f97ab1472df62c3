package org.entente.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The short fault scenarios of {@code ./mvnw verify}, against one {@link FaultCluster} of real
 * processes: each runs {@code entente.fault.duration} of traffic (default 20 s) through its fault,
 * prints its line and fails unless every alert owed was delivered exactly once. Skipped when a
 * soak is asked for ({@code -Dentente.soak=PT10M}): {@link SoakTest} runs the same scenarios then.
 */
@DisabledIfSystemProperty(named = "entente.soak", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosTest {

    /** In the order the soak runs them too; clock-skew last, as it leaves notification-service skewed. */
    static List<Scenario> scenarios() {
        return List.of(new PoisonRecords(), new BrokerRestart(), new NotificationKill(), new ScaleOutAndIn(),
                new ReplayFromZero(), new ClockSkew());
    }

    private static FaultCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = FaultCluster.get();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void fromBaseline() {
        cluster.ensureBaseline();
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

    private static void assertExact(Scenario scenario) {
        AlertCount.Result result = scenario.runAndReport(cluster, 1);
        assertThat(result.exact()).as(Scenario.describe(result)).isTrue();
    }
}
