package org.entente.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.PersonalData;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.schemas.Topics;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.entente.testing.WithReferenceStates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Intake with an Idempotency-Key on a real broker: a retried report gets the first answer and
 * stores nothing new, also when the first one is known only from Kafka (as after a restart), also
 * when the duplicates arrive at once; a key belongs to its state. Shares the context of
 * {@link IncidentApiIntegrationTest}.
 */
@WithKafkaBroker
@WithReferenceStates
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = IncidentServiceApplication.CONFIG_NAME)
class IdempotentIntakeIntegrationTest {

    static final Instant DETECTED_AT = Instant.parse("2026-11-27T03:30:00Z");
    static final Duration WAIT = Duration.ofSeconds(15);
    /** How long to keep reading a topic to be sure nothing more comes. */

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    static Map<String, Object> report() {
        Map<String, Object> report = new HashMap<>(IncidentApiIntegrationTest.report());
        report.put("detectedAt", DETECTED_AT.toString());
        report.remove("namedRecipients");
        return report;
    }

    EntityExchangeResult<Map> post(String caller, String key, Map<String, Object> body) {
        return http.post().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer(caller))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult();
    }

    /** What the incident topic holds of the incident: all of it, once intake has answered (acks=all). */
    static List<ConsumerRecord<String, SpecificRecord>> recordsOf(String incidentId) {
        return TopicProbe.readToEnd(Topics.INCIDENTS.name(), record -> incidentId.equals(record.key()));
    }

    double received() {
        return meters.find("entente.incidents.received").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void shouldAnswerARetriedReportAsTheFirstTimeAndStoreItOnce() {
        String key = "retry-" + UUID.randomUUID();
        double receivedBefore = received();

        EntityExchangeResult<Map> first = post("poc-ee", key, report());
        EntityExchangeResult<Map> retry = post("poc-ee", key, report());

        String id = (String) first.getResponseBody().get("id");
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(retry.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation())
                .hasToString("/api/v1/incidents/" + id);
        List<ConsumerRecord<String, SpecificRecord>> stored = recordsOf(id);
        assertThat(stored).singleElement().satisfies(record -> {
            IncidentReported incident = (IncidentReported) record.value();
            assertThat(incident.getIdempotencyKey()).isEqualTo(key);
            assertThat(incident.getReportingState()).isEqualTo("EE");
            assertThat(incident.getReportedAt().toString()).isEqualTo(first.getResponseBody().get("reportedAt"));
        });
        assertThat(received() - receivedBefore).as("reports counted").isEqualTo(1.0);
        assertThat(meters.find("entente.incidents.received").counters()).allSatisfy(counter -> assertThat(
                counter.getId().getTags()).as("no classification label").noneMatch(tag -> tag.getKey().equals("class")));

        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/v1/incidents/" + id)
                .header("Authorization", TestTokens.bearer("poc-ee")).exchange().expectStatus().isOk());
        assertThat(post("poc-ee", key, report()).getResponseBody()).as("once the view has it too").isEqualTo(first.getResponseBody());
        assertThat(recordsOf(id)).hasSize(1);
    }

    @Test
    void shouldAnswerFromKafkaAReportStoredBeforeARestart() {
        String key = "before-restart-" + UUID.randomUUID();
        String id = UUID.nameUUIDFromBytes(("incident/EE/" + key).getBytes(StandardCharsets.UTF_8)).toString();
        Instant reportedAt = Instant.parse("2026-11-27T04:00:00.123Z");
        TopicProbe.write(Topics.INCIDENTS.name(), id, storedEarlier(id, key, reportedAt));
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/v1/incidents/" + id)
                .header("Authorization", TestTokens.bearer("poc-ee")).exchange().expectStatus().isOk());

        EntityExchangeResult<Map> retry = post("poc-ee", key, report());

        assertThat(retry.getResponseBody()).isEqualTo(Map.of("id", id, "reportedAt", "2026-11-27T04:00:00.123Z"));
        assertThat(retry.getResponseHeaders().getLocation()).hasToString("/api/v1/incidents/" + id);
        assertThat(recordsOf(id)).hasSize(1);
    }

    @Test
    void shouldStoreDuplicatesSentAtOnceOnce() throws Exception {
        String key = "at-once-" + UUID.randomUUID();
        int duplicates = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Map>> calls = new ArrayList<>();
        for (int i = 0; i < duplicates; i++) {
            calls.add(() -> {
                start.await();
                return post("poc-ee", key, report()).getResponseBody();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(duplicates);
        try {
            List<Future<Map>> answers = calls.stream().map(pool::submit).toList();
            start.countDown();
            List<Map> bodies = new ArrayList<>();
            for (Future<Map> answer : answers) {
                bodies.add(answer.get());
            }

            assertThat(bodies).hasSize(duplicates).containsOnly(bodies.get(0));
            assertThat(recordsOf((String) bodies.get(0).get("id"))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldKeepAKeyToTheStateThatSentIt() {
        String key = "shared-" + UUID.randomUUID();

        String estonian = (String) post("poc-ee", key, report()).getResponseBody().get("id");
        String finnish = (String) post("poc-fi", key, report()).getResponseBody().get("id");

        assertThat(finnish).isNotEqualTo(estonian);
        assertThat(recordsOf(estonian)).singleElement()
                .satisfies(record -> assertThat(((IncidentReported) record.value()).getReportingState()).isEqualTo("EE"));
        assertThat(recordsOf(finnish)).singleElement()
                .satisfies(record -> assertThat(((IncidentReported) record.value()).getReportingState()).isEqualTo("FI"));
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/v1/incidents/" + finnish)
                .header("Authorization", TestTokens.bearer("poc-fi")).exchange().expectStatus().isOk());
        http.get().uri("/api/v1/incidents/" + finnish).header("Authorization", TestTokens.bearer("poc-ee")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void shouldRefuseAKeyThatIsNotOneToOneHundredTwentyEightVisibleAsciiCharactersNamingTheHeader() {
        for (String bad : List.of("has space", "k".repeat(129), "")) {
            http.post().uri("/api/v1/incidents")
                    .header("Authorization", TestTokens.bearer("poc-ee"))
                    .header("Idempotency-Key", bad)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(report())
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.title").isEqualTo("Invalid request")
                    .jsonPath("$.errors").isEqualTo(List.of(Map.of("field", "Idempotency-Key",
                            "message", "must be 1 to 128 visible ASCII characters")));
        }
    }

    @Test
    void shouldNameABadKeyAndEveryBadFieldTogether() {
        Map<String, Object> bad = new HashMap<>(report());
        bad.put("sector", "nuclear");

        http.post().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer("poc-ee"))
                .header("Idempotency-Key", "has space")
                .contentType(MediaType.APPLICATION_JSON)
                .body(bad)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("Idempotency-Key", "sector"));
    }

    @Test
    void shouldRefuseAKeyReusedForADifferentReport() {
        String key = "reused-" + UUID.randomUUID();
        String id = (String) post("poc-ee", key, report()).getResponseBody().get("id");
        Map<String, Object> other = new HashMap<>(report());
        other.put("title", "Another incident altogether");

        http.post().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer("poc-ee"))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(other)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Idempotency-Key reused");
        assertThat(recordsOf(id)).hasSize(1);
    }

    /** What intake stored for {@link #report()} with this key, as an instance before the restart did. */
    static IncidentReported storedEarlier(String id, String key, Instant reportedAt) {
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata(UUID.randomUUID().toString(), reportedAt, "incident-service", null))
                .setIncidentId(id)
                .setReportingState("EE")
                .setReporter("ee-poc")
                .setDetectedAt(DETECTED_AT)
                .setReportedAt(reportedAt)
                .setSector(Sector.HEALTH)
                .setIncidentClass(IncidentClass.INTRUSIONS)
                .setSeverity(Severity.CRITICAL)
                .setTlp(Tlp.AMBER_STRICT)
                .setTitle("Hospital records system breached")
                .setSummary("Patient database exfiltrated through a VPN appliance.")
                .setIndicators(List.of("203.0.113.9", "CVE-2026-1234"))
                .setPersonalData(PersonalData.newBuilder().setNames(List.of("Chief physician on call")).build())
                .setAffectedStates(List.of("LV"))
                .setIdempotencyKey(key)
                .build();
    }
}
