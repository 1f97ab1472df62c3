package org.entente.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.entente.testing.process.Broker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule every fault scenario is judged by ({@link AlertCount.Result#failures()}), without any
 * process: a count of nothing fails, more refusals than the scenario allows fail, a full count
 * passes; and traffic against an intake that refuses everything fails the check.
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
        assertThat(new AlertCount.Result("poison", reports, 603, 603, 2, 0, List.of()).failures())
                .containsExactly("2 duplicates");
        assertThat(new AlertCount.Result("poison", reports, 603, 603, 0, 0, List.of("broken")).failures())
                .containsExactly("broken");
    }

    @Test
    void shouldAllowOnlyBrokerRestartAShareOfRefusals() {
        assertThat(new PoisonRecords().refusalShare()).isZero();
        assertThat(new NotificationKill().refusalShare()).isZero();
        assertThat(new ScaleOutAndIn().refusalShare()).isZero();
        assertThat(new ReplayFromZero().refusalShare()).isZero();
        assertThat(new ClockSkew().refusalShare()).isZero();
        assertThat(new BrokerRestart().refusalShare()).isEqualTo(0.5);
    }

    @Test
    void shouldFailTrafficAgainstAnIntakeThatRefusesEveryReport(@TempDir Path keys) throws IOException {
        // Given an intake that answers every report 503, as incident-service does while Kafka is away
        HttpServer intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        intake.createContext("/api/v1/incidents", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        intake.start();
        String url = "http://127.0.0.1:" + intake.getAddress().getPort();
        try {
            // When broker-restart's traffic runs against it and nothing is owed (nothing was stored)
            Traffic traffic = new Traffic(new Api(keys), () -> url, "refusing-1", 20).start();
            Broker.sleep(1_000);
            traffic.close();
            AlertCount.Reports reports = AlertCount.Reports.of(traffic, new BrokerRestart().refusalShare());
            AlertCount.Result result = result(reports, 0, 0);

            // Then every report is refused, and the check fails even with broker-restart's allowance
            assertThat(traffic.refusals()).containsOnlyKeys("HTTP 503");
            assertThat(reports.sent()).isZero();
            assertThat(reports.refused()).isPositive().isEqualTo(traffic.attempted());
            assertThat(reports.allowedRefusals()).isEqualTo(reports.refused() / 2);
            assertThat(result.exact()).isFalse();
            assertThat(result.failures()).containsExactly("the intake accepted no report", "no alert was owed",
                    "the intake refused %d reports, %d allowed".formatted(reports.refused(), reports.allowedRefusals()));
        } finally {
            intake.stop(0);
        }
    }

    private static AlertCount.Result result(AlertCount.Reports reports, int expected, int delivered) {
        return new AlertCount.Result("poison", reports, expected, delivered, 0, expected - delivered, List.of());
    }
}
