package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.avro.specific.SpecificRecord;
import org.entente.events.CommitmentResult;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.CommunicationCheckSent;
import org.entente.schemas.Topics;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Communication checks on a real broker: every state with a contact chain gets a check addressed
 * to its primary contact as soon as the chain is known; its point of contact sees it, and no other
 * state's does; an acknowledgement decides it, on the topic and in the view. Shares the pipeline
 * test's context and clock, which other tests move: whether the acknowledgement is on time
 * depends on where that clock stands.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = {NotificationServiceApplication.class, NotificationPipelineIntegrationTest.ClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=src/test/resources/reference-data-test.yml"})
class CommunicationCheckIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/readyz").exchange().expectStatus().isOk());
    }

    @Test
    void shouldCheckEveryPrimaryContactAndDecideACheckByItsAcknowledgement() {
        List<ConsumerRecord<String, SpecificRecord>> sent = TopicProbe.read(Topics.COMMUNICATION_CHECKS.name(),
                record -> record.value() instanceof CommunicationCheckSent, found -> found.size() >= 3, WAIT);
        assertThat(sent).extracting(record -> ((CommunicationCheckSent) record.value()).getContactId())
                .contains("fi-ncsc-duty", "lv-cert-duty", "lt-nksc-duty");
        assertThat(sent).allMatch(record -> record.key().equals(((CommunicationCheckSent) record.value()).getRecipientState()));

        Map<?, ?> open = await().atMost(WAIT).until(() -> openCheckOf("lt"), check -> check != null);
        assertThat(open.get("contactId")).isEqualTo("lt-nksc-duty");
        String checkId = (String) open.get("id");
        http.post().uri("/api/v1/communication-checks/" + checkId + "/acknowledgement")
                .header("Authorization", TestTokens.bearer("poc-lv")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Instant acknowledgedAt = NotificationPipelineIntegrationTest.CLOCK.instant();
        http.post().uri("/api/v1/communication-checks/" + checkId + "/acknowledgement")
                .header("Authorization", TestTokens.bearer("poc-lt")).exchange()
                .expectStatus().isAccepted();

        CommunicationCheckOutcomeRecorded outcome = (CommunicationCheckOutcomeRecorded) TopicProbe.read(Topics.COMMUNICATION_CHECKS.name(),
                record -> record.value() instanceof CommunicationCheckOutcomeRecorded decided && decided.getCheckId().equals(checkId),
                found -> !found.isEmpty(), WAIT).get(0).value();
        CommitmentResult expected = acknowledgedAt.isAfter(Instant.parse((String) open.get("dueAt")))
                ? CommitmentResult.LATE : CommitmentResult.HONOURED;
        assertThat(outcome.getResult()).isEqualTo(expected);
        assertThat(outcome.getAcknowledgedBy()).as("the caller's subject").isEqualTo("lt-poc");
        assertThat(outcome.getResponseMillis()).isEqualTo(Duration.between(Instant.parse((String) open.get("sentAt")), acknowledgedAt)
                .toMillis());
        await().atMost(WAIT).untilAsserted(() -> assertThat(checksOf("lt")).anySatisfy(check -> {
            assertThat(check.get("id")).isEqualTo(checkId);
            assertThat(check.get("status")).isEqualTo(expected.name().toLowerCase());
        }));
        http.post().uri("/api/v1/communication-checks/" + checkId + "/acknowledgement")
                .header("Authorization", TestTokens.bearer("poc-lt")).exchange()
                .expectStatus().isOk();
        assertThat(checksOf("lv")).noneMatch(check -> check.get("id").equals(checkId));
    }

    private Map<?, ?> openCheckOf(String state) {
        return checksOf(state).stream().filter(check -> "open".equals(check.get("status"))).findFirst().orElse(null);
    }

    private List<Map<?, ?>> checksOf(String state) {
        List<?> checks = http.get().uri("/api/v1/communication-checks").header("Authorization", TestTokens.bearer("poc-" + state))
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return checks.stream().<Map<?, ?>>map(check -> (Map<?, ?>) check).toList();
    }
}
