package org.entente.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.entente.testing.MutableClock;
import org.entente.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole pipeline on one real broker (see {@link RunningServices}), with the clock the test
 * moves: a PoC reports over HTTP, exactly the permitted alerts reach exactly the partner inboxes,
 * one partner acknowledges in time, one late, one never, and the trust figures say exactly that.
 */
@Order(1)
class EndToEndTest {

    static final Instant REPORTED_AT = RunningServices.CLOCK.instant();
    static final MutableClock CLOCK = RunningServices.CLOCK;
    static final Duration WAIT = RunningServices.WAIT;

    static ConfigurableApplicationContext incidents;
    static ConfigurableApplicationContext notifications;
    static ConfigurableApplicationContext trust;

    @BeforeAll
    static void startServices() {
        RunningServices services = RunningServices.get();
        incidents = services.incidents();
        notifications = services.notifications();
        trust = services.trust();
    }

    @Test
    void aReportReachesExactlyThePermittedPartnersAndTheirAnswersBecomeTrustFigures() {
        String incidentId = (String) client(incidents).post().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer("poc-ee"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"detectedAt": "%s", "sector": "energy", "incidentClass": "availability", "severity": "high",
                         "tlp": "AMBER", "title": "Substation control lost",
                         "summary": "Remote terminal units of three substations stopped answering.",
                         "indicators": ["198.51.100.23", "scada-gw.example"],
                         "personalData": {"names": ["Shift engineer on duty"]},
                         "affectedStates": ["LV"]}""".formatted(REPORTED_AT.minus(Duration.ofMinutes(20))))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");

        await().atMost(WAIT).untilAsserted(() -> {
            for (String state : List.of("fi", "lv", "lt")) {
                inbox(state).jsonPath("$[*].incidentId").isEqualTo(List.of(incidentId));
            }
        });
        for (String state : List.of("se", "ee")) {
            inbox(state).jsonPath("$").isEmpty();
        }

        String fiAlert = onlyAlertId("fi");
        alert("fi", fiAlert)
                .jsonPath("$.status").isEqualTo("delivered")
                .jsonPath("$.reportingState").isEqualTo("EE")
                .jsonPath("$.agreement").isEqualTo("baltic-nordic-energy")
                .jsonPath("$.agreementVersion").isEqualTo(3)
                .jsonPath("$.contact").isEqualTo("fi-ncsc-duty")
                .jsonPath("$.sector").isEqualTo("energy")
                .jsonPath("$.incidentClass").isEqualTo("availability")
                .jsonPath("$.severity").isEqualTo("high")
                .jsonPath("$.tlp").isEqualTo("AMBER")
                .jsonPath("$.title").isEqualTo("Substation control lost")
                .jsonPath("$.summary").isEqualTo("Remote terminal units of three substations stopped answering.")
                .jsonPath("$.affectedStates").isEqualTo(List.of("LV"))
                .jsonPath("$.indicators").isEqualTo(List.of("198.51.100.23", "scada-gw.example"))
                .jsonPath("$.personalData").doesNotExist()
                .jsonPath("$.withheld[*].category").isEqualTo(List.of("personal-data"))
                .jsonPath("$.withheld[0].reason").isEqualTo("not permitted under baltic-nordic-energy v3")
                .jsonPath("$.deadlines[0].dueAt").isEqualTo(REPORTED_AT.plus(Duration.ofHours(1)).toString());
        client(notifications).get().uri("/api/v1/alerts/" + fiAlert).header("Authorization", TestTokens.bearer("poc-se"))
                .exchange().expectStatus().isNotFound();
        client(notifications).post().uri("/api/v1/alerts/" + fiAlert + "/acknowledgement")
                .header("Authorization", TestTokens.bearer("poc-lt")).exchange().expectStatus().isNotFound();

        CLOCK.set(REPORTED_AT.plus(Duration.ofMinutes(12)));
        acknowledge("fi", fiAlert);
        CLOCK.set(REPORTED_AT.plus(Duration.ofMinutes(75)));
        String ltAlert = onlyAlertId("lt");
        await().atMost(WAIT).untilAsserted(() -> alert("lt", ltAlert)
                .jsonPath("$.status").isEqualTo("escalated")
                .jsonPath("$.contact").isEqualTo("lt-nksc-backup"));
        acknowledge("lv", onlyAlertId("lv"));
        CLOCK.set(REPORTED_AT.plus(Duration.ofHours(2)).plusSeconds(1));

        await().atMost(WAIT).untilAsserted(() -> {
            trustOf("FI").jsonPath("$.figures.honoured").isEqualTo(1).jsonPath("$.figures.late").isEqualTo(0)
                    .jsonPath("$.figures.missed").isEqualTo(0).jsonPath("$.figures.honouredRatio").isEqualTo(1.0)
                    .jsonPath("$.figures.acknowledgeP50Millis").isEqualTo(720_000);
            trustOf("LV").jsonPath("$.figures.honoured").isEqualTo(0).jsonPath("$.figures.late").isEqualTo(1)
                    .jsonPath("$.figures.missed").isEqualTo(0).jsonPath("$.figures.honouredRatio").isEqualTo(0.0)
                    .jsonPath("$.figures.acknowledgeP50Millis").isEqualTo(4_500_000);
            trustOf("LT").jsonPath("$.figures.honoured").isEqualTo(0).jsonPath("$.figures.late").isEqualTo(0)
                    .jsonPath("$.figures.missed").isEqualTo(1).jsonPath("$.figures.acknowledgeP50Millis").doesNotExist();
        });
        client(trust).get().uri("/api/v1/trust/pairs/EE/LT").header("Authorization", TestTokens.bearer("poc-lt")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.figures.missed").isEqualTo(1);
        client(trust).get().uri("/api/v1/trust/states/LT").header("Authorization", TestTokens.bearer("poc-fi")).exchange()
                .expectStatus().isNotFound();

        client(incidents).get().uri("/api/v1/incidents/" + incidentId).header("Authorization", TestTokens.bearer("poc-ee"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.personalData.names[0]").isEqualTo("Shift engineer on duty");
        client(incidents).get().uri("/api/v1/incidents/" + incidentId).header("Authorization", TestTokens.bearer("poc-fi"))
                .exchange().expectStatus().isNotFound();
    }

    private static RestTestClient client(ConfigurableApplicationContext service) {
        return RunningServices.client(service);
    }

    private static RestTestClient.BodyContentSpec inbox(String state) {
        return client(notifications).get().uri("/api/v1/alerts").header("Authorization", TestTokens.bearer("poc-" + state))
                .exchange().expectStatus().isOk().expectBody();
    }

    private static RestTestClient.BodyContentSpec alert(String state, String id) {
        return client(notifications).get().uri("/api/v1/alerts/" + id).header("Authorization", TestTokens.bearer("poc-" + state))
                .exchange().expectStatus().isOk().expectBody();
    }

    private static RestTestClient.BodyContentSpec trustOf(String state) {
        return client(trust).get().uri("/api/v1/trust/states/" + state).header("Authorization", TestTokens.bearer("operator"))
                .exchange().expectStatus().isOk().expectBody();
    }

    private static String onlyAlertId(String state) {
        List<?> alerts = client(notifications).get().uri("/api/v1/alerts").header("Authorization", TestTokens.bearer("poc-" + state))
                .exchange().expectBody(List.class).returnResult().getResponseBody();
        assertThat(alerts).hasSize(1);
        return (String) ((Map<?, ?>) alerts.get(0)).get("id");
    }

    private static void acknowledge(String state, String alertId) {
        client(notifications).post().uri("/api/v1/alerts/" + alertId + "/acknowledgement")
                .header("Authorization", TestTokens.bearer("poc-" + state)).exchange().expectStatus().isAccepted();
        await().atMost(WAIT).untilAsserted(() -> alert(state, alertId).jsonPath("$.status").isEqualTo("acknowledged"));
    }
}
