package org.entente.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.entente.events.AlertAcknowledged;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.DisclosureRecorded;
import org.entente.schemas.Topics;
import org.entente.testing.MutableClock;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole pipeline on one real broker (see {@link RunningServices}), with the clock the test
 * moves: a PoC reports over HTTP, exactly the permitted alerts reach exactly the partner inboxes,
 * one partner acknowledges in time, one late, one never, and the trust figures say exactly that;
 * every record the report caused, in every service, carries the report's trace. A point of contact
 * answers its communication check, which trust counts apart.
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

    /** The caller's W3C trace context: intake continues this trace. */
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aReportReachesExactlyThePermittedPartnersAndTheirAnswersBecomeTrustFigures() {
        String incidentId = (String) client(incidents).post().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer("poc-ee"))
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
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

        // A time to acknowledge reads as the top of its 0.1% bucket (trust-service's ResponseTimes):
        // 12 minutes (720,000 ms) as 720,383, 75 minutes (4,500,000 ms) as 4,501,503.
        await().atMost(WAIT).untilAsserted(() -> {
            trustOf("FI").jsonPath("$.figures.honoured").isEqualTo(1).jsonPath("$.figures.late").isEqualTo(0)
                    .jsonPath("$.figures.missed").isEqualTo(0).jsonPath("$.figures.honouredRatio").isEqualTo(1.0)
                    .jsonPath("$.figures.acknowledgeP50Millis").isEqualTo(720_383);
            trustOf("LV").jsonPath("$.figures.honoured").isEqualTo(0).jsonPath("$.figures.late").isEqualTo(1)
                    .jsonPath("$.figures.missed").isEqualTo(0).jsonPath("$.figures.honouredRatio").isEqualTo(0.0)
                    .jsonPath("$.figures.acknowledgeP50Millis").isEqualTo(4_501_503);
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

        assertEveryRecordCausedByTheReportCarriesItsTrace(incidentId, List.of(fiAlert, onlyAlertId("lv"), ltAlert));
    }

    /**
     * Every state's primary contact gets a communication check as soon as the service knows it;
     * Finland's acknowledges, and trust-service counts the answer as a communication-check figure.
     * The clock stays where the other test leaves it, so the answer is on time or late by that clock.
     */
    @Test
    void aPointOfContactAnswersItsCommunicationCheckAndTrustCountsIt() {
        Map<?, ?> check = await().atMost(WAIT).until(() -> RunningServices.get().openCommunicationCheckOf("poc-fi"), Objects::nonNull);
        String result = CLOCK.instant().isAfter(Instant.parse((String) check.get("dueAt"))) ? "late" : "honoured";

        client(notifications).post().uri("/api/v1/communication-checks/" + check.get("id") + "/acknowledgement")
                .header("Authorization", TestTokens.bearer("poc-fi")).exchange().expectStatus().isAccepted();

        await().atMost(WAIT).untilAsserted(() -> client(trust).get().uri("/api/v1/trust/communication-checks/FI")
                .header("Authorization", TestTokens.bearer("poc-fi")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.figures.total").isEqualTo(1)
                .jsonPath("$.figures." + result).isEqualTo(1));
    }

    /**
     * The incident, its three alerts with their deliveries and LT's escalation to its backup, three
     * disclosures and three outcomes: caused by the report, by partners' calls or by deadlines,
     * each carries the report's trace. Acknowledgements are the partners' own calls, traced as such.
     */
    private static void assertEveryRecordCausedByTheReportCarriesItsTrace(String incidentId, List<String> alertIds) {
        List<ConsumerRecord<String, SpecificRecord>> caused = new ArrayList<>();
        caused.addAll(TopicProbe.read(Topics.INCIDENTS.name(), record -> incidentId.equals(record.key()), found -> found.size() >= 1, WAIT));
        caused.addAll(TopicProbe.read(Topics.ALERTS.name(),
                record -> !(record.value() instanceof AlertAcknowledged) && alertIds.contains(alertIdOf(record.value())),
                found -> found.size() >= 7, WAIT));
        caused.addAll(TopicProbe.read(Topics.DISCLOSURES.name(),
                record -> ((DisclosureRecorded) record.value()).getIncidentId().equals(incidentId), found -> found.size() >= 3, WAIT));
        caused.addAll(TopicProbe.read(Topics.COMMITMENT_OUTCOMES.name(),
                record -> ((CommitmentOutcomeRecorded) record.value()).getIncidentId().equals(incidentId), found -> found.size() >= 3, WAIT));

        assertThat(caused).extracting(record -> record.value().getClass().getSimpleName()).containsExactlyInAnyOrder(
                "IncidentReported", "AlertIssued", "AlertIssued", "AlertIssued", "AlertDelivered", "AlertDelivered", "AlertDelivered",
                "AlertEscalated", "DisclosureRecorded", "DisclosureRecorded", "DisclosureRecorded",
                "CommitmentOutcomeRecorded", "CommitmentOutcomeRecorded", "CommitmentOutcomeRecorded");
        assertThat(caused).allSatisfy(record -> assertThat(traceparent(record))
                .as("traceparent of %s", record.value().getClass().getSimpleName())
                .startsWith("00-" + TRACE_ID + "-"));
    }

    private static String alertIdOf(SpecificRecord event) {
        Object alertId = event.getSchema().getField("alertId") == null ? null : event.get(event.getSchema().getField("alertId").pos());
        return alertId == null ? null : alertId.toString();
    }

    private static String traceparent(ConsumerRecord<String, SpecificRecord> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
