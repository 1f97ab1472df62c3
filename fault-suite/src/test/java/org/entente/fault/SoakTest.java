package org.entente.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soak: {@code ./mvnw -pl fault-suite verify -Dentente.soak=PT10M}. Runs the fault scenarios
 * in rounds, in {@link FaultScenariosTest#scenarios()}'s order, starting another scenario as long
 * as the duration has not passed (the one running when it passes finishes). One cluster runs at a
 * time: each round starts the three-node one for broker-kill and the one-broker one again after it
 * (about a minute of every round). Each prints the same line as in the short suite; the soak fails
 * if any line is not exact, after running to the end.
 */
@EnabledIfSystemProperty(named = "entente.soak", matches = ".+")
class SoakTest {

    private static final Logger log = LoggerFactory.getLogger(SoakTest.class);

    @AfterAll
    static void stopCluster() {
        FaultCluster.closeRunning();
    }

    @Test
    void shouldDeliverEveryAlertOnceThroughRoundsOfEveryFaultForTheWholeDuration() {
        List<Scenario> scenarios = FaultScenariosTest.scenarios();
        Duration duration = FaultCluster.of(scenarios.get(0).brokers()).settings().soak().orElseThrow();
        Instant end = Instant.now().plus(duration);
        List<String> failures = new ArrayList<>();
        int round = 0;
        int ran = 0;
        while (Instant.now().isBefore(end)) {
            round++;
            for (Scenario scenario : scenarios) {
                if (!Instant.now().isBefore(end)) {
                    break;
                }
                try {
                    FaultCluster cluster = FaultCluster.of(scenario.brokers());
                    cluster.ensureBaseline();
                    AlertCount.Result result = scenario.runAndReport(cluster, round);
                    if (!result.exact()) {
                        failures.add("round " + round + ": " + Scenario.describe(result));
                    }
                } catch (RuntimeException | AssertionError e) {
                    failures.add("round " + round + ": " + scenario.name() + " failed: " + e);
                    log.error("{} failed in round {}", scenario.name(), round, e);
                }
                ran++;
            }
        }
        log.info("Soak of {} ran {} scenarios in {} rounds", duration, ran, round);
        assertThat(failures).as("scenarios that were not exact").isEmpty();
    }
}
