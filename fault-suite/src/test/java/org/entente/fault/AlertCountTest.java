package org.entente.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.entente.fault.WebhookReceiver.Verdict;
import org.entente.testing.process.Broker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule every fault scenario is judged by ({@link AlertCount.Result#failures()}), without any
 * process: a count of nothing fails, more refusals than the scenario allows fail, a full count
 * passes; traffic against an intake that refuses everything fails the check; and the ledger
 * entries, webhook calls and escalations counted beside the alerts fail it when one is short or
 * has copies the scenario does not allow.
 */
class AlertCountTest {

    @Test
    void shouldPassWhenEveryAlertOwedIsDeliveredOnceWithoutRefusals() {
        // Given
        AlertCount.Result result = result(new AlertCount.Reports(201, 0, 0), 603, 603);

        // Then
        assertThat(result.failures()).isEmpty();
        assertThat(result.exact()).isTrue();
        assertThat(result.line())
                .isEqualTo("poison: sent 201, expected 603, delivered 603, duplicates 0, lost 0, refused 0 (allowed 0)");
    }

    @Test
    void shouldFailWhenNothingWasSentExpectedOrDelivered() {
        // Given
        AlertCount.Result result = result(new AlertCount.Reports(0, 0, 0), 0, 0);

        // Then
        assertThat(result.exact()).isFalse();
        assertThat(result.failures()).containsExactly("the intake accepted no report", "no alert was owed");
    }

    @Test
    void shouldFailWhenTheIntakeRefusedMoreReportsThanTheScenarioAllows() {
        // Given
        AlertCount.Result withoutAllowance = result(new AlertCount.Reports(201, 1, 0), 603, 603);
        AlertCount.Result overAllowance = result(new AlertCount.Reports(100, 101, 100), 300, 300);
        AlertCount.Result withinAllowance = result(new AlertCount.Reports(100, 100, 100), 300, 300);

        // Then
        assertThat(withoutAllowance.failures()).containsExactly("the intake refused 1 reports, 0 allowed");
        assertThat(overAllowance.failures()).containsExactly("the intake refused 101 reports, 100 allowed");
        assertThat(withinAllowance.failures()).isEmpty();
    }

    @Test
    void shouldFailWhenAlertsAreLostOrDuplicatedOrAProblemWasSeen() {
        AlertCount.Reports reports = new AlertCount.Reports(201, 0, 0);

        assertThat(result(reports, 603, 600).failures()).containsExactly("3 of 603 alerts lost");
        assertThat(new AlertCount.Result("poison", reports, 603, 603, 2, 0, List.of(), List.of()).failures())
                .containsExactly("2 duplicates");
        assertThat(new AlertCount.Result("poison", reports, 603, 603, 0, 0, List.of(), List.of("broken")).failures())
                .containsExactly("broken");
    }

    @Test
    void shouldAllowRefusalsRepeatedWebhookCallsAndThreeKafkaNodesOnlyWhereTheFaultCallsForThem() {
        // When: each scenario's refusal share, whether it allows repeated webhook calls, its Kafka nodes
        String allowances = FaultScenariosTest.scenarios().stream()
                .map(scenario -> "%s %s %s %d".formatted(scenario.name(), scenario.refusalShare(), scenario.repeatedCallsAllowed(),
                        scenario.brokers()))
                .collect(Collectors.joining("\n"));

        // Then only Kafka or a partition leader away may refuse reports, only a fault that can cost the
        // webhook dispatcher its offsets may repeat calls, and only broker-kill needs three nodes
        assertThat(allowances).isEqualTo("""
                poison 0.0 false 1
                broker-restart 0.5 true 1
                notification-kill 0.0 true 1
                scale-1-2-1 0.0 false 1
                replay-from-zero 0.0 false 1
                clock-skew 0.0 false 1
                broker-kill 0.1 true 3""");
    }

    @Test
    void shouldOweSeAnAlertThatEscalatesForEveryEnergyIncidentFromEstoniaOnly() {
        assertThat(FaultCluster.recipients("EE", "energy")).containsExactly("FI", "LT", "LV", "SE");
        assertThat(FaultCluster.recipients("FI", "energy")).containsExactly("EE", "LT", "LV");
        assertThat(FaultCluster.recipients("EE", "health")).containsExactly("SE");
        assertThat(FaultCluster.escalates("EE", "energy", "SE")).isTrue();
        assertThat(FaultCluster.escalates("EE", "energy", "FI")).isFalse();
        assertThat(FaultCluster.escalates("EE", "health", "SE")).isFalse();
    }

    @Test
    void shouldTallyTheOwedIdsFoundAndCountFurtherCopiesOfOwedIdsOnly() {
        // Given copies of a, b (twice) and c (three times) on the topic, c not in the view; d owed and missing; x not owed
        Map<String, Integer> copies = Map.of("a", 1, "b", 2, "c", 3, "x", 5);
        Set<String> found = Set.of("a", "b", "x");

        // When
        AlertCount.Tally tally = AlertCount.Tally.of("ledger", "duplicates", List.of("a", "b", "c", "d"), found, copies, false);

        // Then
        assertThat(tally).isEqualTo(new AlertCount.Tally("ledger", "duplicates", 4, 2, 3, false));
        assertThat(tally.line()).isEqualTo("ledger 2/4 (duplicates 3)");
        assertThat(tally.failures()).containsExactly("ledger: 2 of 4 lost", "ledger: 3 duplicates");
    }

    @Test
    void shouldPrintTheTalliesBesideTheUsualLineAndFailOnAnyOfThem() {
        // Given a full count of the alerts
        AlertCount.Reports reports = new AlertCount.Reports(337, 0, 0);
        List<AlertCount.Tally> full = List.of(
                new AlertCount.Tally("ledger", "duplicates", 1011, 1011, 0, false),
                new AlertCount.Tally("webhooks", "repeated", 168, 168, 2, true),
                new AlertCount.Tally("escalations", "duplicates", 84, 84, 0, false));
        List<AlertCount.Tally> incomplete = List.of(
                new AlertCount.Tally("ledger", "duplicates", 1011, 1010, 1, false),
                new AlertCount.Tally("webhooks", "repeated", 168, 167, 2, false),
                new AlertCount.Tally("escalations", "duplicates", 84, 84, 0, false));

        // When
        AlertCount.Result passing = new AlertCount.Result("notification-kill", reports, 1011, 1011, 0, 0, full, List.of());
        AlertCount.Result failing = new AlertCount.Result("notification-kill", reports, 1011, 1011, 0, 0, incomplete, List.of());

        // Then the usual prefix is kept, repeated calls the scenario allows are printed and pass
        assertThat(passing.line()).isEqualTo("notification-kill: sent 337, expected 1011, delivered 1011, duplicates 0, lost 0, "
                + "refused 0 (allowed 0); ledger 1011/1011 (duplicates 0), webhooks 168/168 (repeated 2, allowed), "
                + "escalations 84/84 (duplicates 0)");
        assertThat(passing.exact()).isTrue();
        assertThat(failing.failures()).containsExactly("ledger: 1 of 1011 lost", "ledger: 1 duplicates", "webhooks: 1 of 168 lost",
                "webhooks: 2 repeated");
        assertThat(failing.complete()).isFalse();
    }

    @Test
    void shouldCountOnlyAcceptedWebhookCallsWithTheNoticesEventIdAtItsContact() {
        // Given a delivery and an escalation on the topic, and an escalation not on it yet
        Map<String, AlertCount.Notice> notices = new LinkedHashMap<>();
        notices.put("delivered/a-1", new AlertCount.Notice("e-1", "se-cert-duty"));
        notices.put("escalated/a-1", new AlertCount.Notice("e-2", "se-ncsc-backup"));
        notices.put("escalated/a-2", null);
        List<WebhookReceiver.Call> calls = List.of(
                new WebhookReceiver.Call("se-cert-duty", "e-1", "a-1", Verdict.ACCEPTED),
                new WebhookReceiver.Call("se-cert-duty", "e-1", "a-1", Verdict.ACCEPTED),
                new WebhookReceiver.Call("se-cert-duty", "e-1", "a-1", Verdict.STALE_SIGNATURE),
                new WebhookReceiver.Call("se-cert-duty", "e-2", "a-1", Verdict.ACCEPTED));

        // When
        Map<String, Integer> accepted = AlertCount.acceptedCalls(notices, calls);

        // Then the delivery was called twice (one repeat), the escalations never at their own contact
        assertThat(accepted).containsOnly(Map.entry("delivered/a-1", 2), Map.entry("escalated/a-1", 0),
                Map.entry("escalated/a-2", 0));
        assertThat(AlertCount.Tally.of("webhooks", "repeated", notices.keySet(), Set.of("delivered/a-1"), accepted, true).line())
                .isEqualTo("webhooks 1/3 (repeated 1, allowed)");
    }

    @Test
    void shouldFailTrafficAgainstAnIntakeThatRefusesEveryReport(@TempDir Path keys) {
        // Given an intake that answers every report 503, as incident-service does while Kafka is away
        try (RefusingIntake intake = RefusingIntake.start()) {
            // When broker-restart's traffic runs against it and nothing is owed (nothing was stored)
            Traffic traffic = new Traffic(new Api(keys), intake::baseUrl, "refusing-1", 20).start();
            Broker.sleep(1_000);
            traffic.close();
            AlertCount.Reports reports = AlertCount.Reports.of(traffic, new BrokerRestart().refusalShare());
            AlertCount.Result result = result(reports, 0, 0);

            // Then every report is refused, and the check fails even with broker-restart's allowance
            assertThat(traffic.refusals()).containsOnlyKeys("HTTP 503");
            assertThat(reports.sent()).isZero();
            assertThat(reports.refused()).isPositive().isEqualTo(traffic.attempted()).isEqualTo(intake.received());
            assertThat(reports.allowedRefusals()).isEqualTo(reports.refused() / 2);
            assertThat(result.exact()).isFalse();
            assertThat(result.failures()).containsExactly("the intake accepted no report", "no alert was owed",
                    "the intake refused %d reports, %d allowed".formatted(reports.refused(), reports.allowedRefusals()));
        }
    }

    private static AlertCount.Result result(AlertCount.Reports reports, int expected, int delivered) {
        return new AlertCount.Result("poison", reports, expected, delivered, 0, expected - delivered, List.of(), List.of());
    }
}
