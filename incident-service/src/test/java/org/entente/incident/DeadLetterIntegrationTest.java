package org.entente.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.StateProfile;
import org.entente.events.Tlp;
import org.entente.incident.view.ReportedIncidents;
import org.entente.schemas.EventCodec;
import org.entente.schemas.Topics;
import org.entente.testing.DeadLetter;
import org.entente.testing.ManagementPort;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.entente.testing.WithReferenceStates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Poison on the incident topic, on a real broker: undecodable bytes, an unknown schema
 * fingerprint, an event of another type and an incident without a reporting state, between good
 * incidents on one partition. The good ones reach the view, the bad ones the dead-letter topic
 * (bytes, key, partition and the reason, source topic, partition and offset in headers), counted
 * once each; and after the Kafka Streams application restarts, nothing is read again. Shares the
 * context of {@link IncidentApiIntegrationTest}.
 */
@WithKafkaBroker
@WithReferenceStates
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = IncidentServiceApplication.CONFIG_NAME)
class DeadLetterIntegrationTest {

    static final String TOPIC = Topics.INCIDENTS.name();
    static final String DEAD_LETTERS = Topics.INCIDENTS.deadLetters().name();
    static final String GROUP = "incident-service";
    static final int PARTITION = 0;
    static final Duration WAIT = Duration.ofSeconds(30);
    static final byte[] NOT_AN_EVENT = "{\"incidentId\": \"INC-0\"}".getBytes(StandardCharsets.UTF_8);
    /** Single-object encoding's marker, then fingerprint 0x1a2b3c4d5e6f7081 (little-endian), then a body. */
    static final byte[] UNKNOWN_SCHEMA = {(byte) 0xC3, 0x01, (byte) 0x81, 0x70, 0x6f, 0x5e, 0x4d, 0x3c, 0x2b, 0x1a, 0x02, 0x00};

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry meters;

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    ReportedIncidents view;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void shouldDeadLetterPoisonBetweenGoodIncidentsAndNotReadItAgainAfterARestart() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Double> countedBefore = deadLettersCounted();
        IncidentReported good1 = incident("INC-" + run + "-1", "EE", 1);
        IncidentReported good2 = incident("INC-" + run + "-2", "EE", 2);
        IncidentReported good3 = incident("INC-" + run + "-3", "EE", 3);
        IncidentReported stateless = incident("INC-" + run + "-x", "", 4);
        StateProfile notAnIncident = new StateProfile(new EventMetadata("e-" + run, Instant.EPOCH, "test", null), "EE", "Estonia");

        RecordMetadata first = TopicProbe.write(TOPIC, PARTITION, good1.getIncidentId(), good1);
        RecordMetadata poison = TopicProbe.writeBytes(TOPIC, PARTITION, "INC-" + run + "-p", NOT_AN_EVENT);
        TopicProbe.write(TOPIC, PARTITION, good2.getIncidentId(), good2);
        RecordMetadata unknown = TopicProbe.writeBytes(TOPIC, PARTITION, "INC-" + run + "-u", UNKNOWN_SCHEMA);
        RecordMetadata invalid = TopicProbe.write(TOPIC, PARTITION, stateless.getIncidentId(), stateless);
        RecordMetadata otherType = TopicProbe.write(TOPIC, PARTITION, "EE", notAnIncident);
        RecordMetadata last = TopicProbe.write(TOPIC, PARTITION, good3.getIncidentId(), good3);

        // Then the good incidents, and only they, are in the view, newest first
        await().atMost(WAIT).untilAsserted(() -> assertThat(viewedIds(run))
                .containsExactly(good3.getIncidentId(), good2.getIncidentId(), good1.getIncidentId()));
        assertThat(view.find("", stateless.getIncidentId())).isEmpty();
        // and the bad ones are dead letters, with their bytes and reasons (Kafka Streams deserializes a
        // record as it buffers it, before it processes the one ahead: dead letters of both kinds are
        // compared in source order)
        List<DeadLetter> expected = List.of(
                new DeadLetter(TOPIC, PARTITION, poison.offset(), "org.entente.schemas.UndecodableEventException",
                        "not Avro single-object encoded", "INC-" + run + "-p", DeadLetter.hex(NOT_AN_EVENT), PARTITION),
                new DeadLetter(TOPIC, PARTITION, unknown.offset(), "org.entente.schemas.UnknownSchemaException",
                        "unknown schema fingerprint 1a2b3c4d5e6f7081", "INC-" + run + "-u", DeadLetter.hex(UNKNOWN_SCHEMA), PARTITION),
                new DeadLetter(TOPIC, PARTITION, invalid.offset(), "org.entente.schemas.InvalidEventException",
                        "reportingState \"\" is not an ISO 3166-1 alpha-2 code", stateless.getIncidentId(),
                        DeadLetter.hex(EventCodec.instance().encode(stateless)), PARTITION),
                new DeadLetter(TOPIC, PARTITION, otherType.offset(), "org.entente.schemas.UnexpectedEventTypeException",
                        "expected IncidentReported on incident.events.v1 but found StateProfile", "EE",
                        DeadLetter.hex(EventCodec.instance().encode(notAnIncident)), PARTITION));
        assertThat(inSourceOrder(DeadLetter.read(DEAD_LETTERS, PARTITION, first.offset(), last.offset(), expected.size(), WAIT)))
                .containsExactlyElementsOf(expected);
        // counted once each
        assertThat(deadLettersCountedSince(countedBefore)).isEqualTo(Map.of(
                "undecodable", 1.0, "unknown-schema", 1.0, "invalid", 1.0, "unexpected-type", 1.0));
        // and the application committed past them
        TopicProbe.awaitCommittedPast(GROUP, last, WAIT);

        // When the Kafka Streams application restarts
        bindings.stop("recordIncident-in-0");
        bindings.start("recordIncident-in-0");
        IncidentReported good4 = incident("INC-" + run + "-4", "EE", 5);
        RecordMetadata afterRestart = TopicProbe.write(TOPIC, PARTITION, good4.getIncidentId(), good4);

        // Then it goes on from where it was: the next incident is read, no poison again
        await().atMost(WAIT).untilAsserted(() -> assertThat(viewedIds(run)).containsExactly(good4.getIncidentId(),
                good3.getIncidentId(), good2.getIncidentId(), good1.getIncidentId()));
        TopicProbe.awaitCommittedPast(GROUP, afterRestart, WAIT);
        assertThat(inSourceOrder(DeadLetter.readToEnd(DEAD_LETTERS, PARTITION, first.offset(), afterRestart.offset())))
                .containsExactlyElementsOf(expected);
        assertThat(deadLettersCountedSince(countedBefore)).isEqualTo(Map.of(
                "undecodable", 1.0, "unknown-schema", 1.0, "invalid", 1.0, "unexpected-type", 1.0));
    }

    @Test
    void shouldExposeTheDeadLetterCountsOfTheConsumedTopicsFromZero() {
        List<String> series = new ManagementPort(port, managementPort).scrape().lines()
                .filter(line -> line.startsWith("entente_dlq_records_total{"))
                .map(line -> line.substring(0, line.lastIndexOf(' ')))
                .sorted().toList();

        assertThat(series).containsExactlyElementsOf(Stream.of("invalid", "other", "undecodable", "unexpected-type", "unknown-schema")
                .flatMap(reason -> Stream.of(TOPIC, Topics.STATES.name()).map(topic ->
                        "entente_dlq_records_total{application=\"incident-service\",reason=\"" + reason + "\",topic=\"" + topic + "\"}"))
                .toList());
    }

    static List<DeadLetter> inSourceOrder(List<DeadLetter> letters) {
        return letters.stream().sorted(Comparator.comparingLong(DeadLetter::originalOffset)).toList();
    }

    private List<String> viewedIds(String run) {
        List<?> incidents = http.get().uri("/api/v1/incidents").header("Authorization", TestTokens.bearer("poc-ee"))
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return incidents.stream().map(incident -> (String) ((Map<?, ?>) incident).get("id"))
                .filter(id -> id.startsWith("INC-" + run)).toList();
    }

    private Map<String, Double> deadLettersCounted() {
        return meters.find("entente.dlq.records").tag("topic", TOPIC).counters().stream()
                .collect(Collectors.toMap(counter -> counter.getId().getTag("reason"), Counter::count));
    }

    private Map<String, Double> deadLettersCountedSince(Map<String, Double> before) {
        return deadLettersCounted().entrySet().stream()
                .filter(entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0.0) != 0.0)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)));
    }

    static IncidentReported incident(String id, String reportingState, int minute) {
        Instant reportedAt = Instant.parse("2026-11-27T05:00:00Z").plus(Duration.ofMinutes(minute));
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("event-" + id, reportedAt, "test", null))
                .setIncidentId(id)
                .setReportingState(reportingState)
                .setReporter("ee-poc")
                .setDetectedAt(reportedAt.minusSeconds(600))
                .setReportedAt(reportedAt)
                .setSector(Sector.ENERGY)
                .setIncidentClass(IncidentClass.AVAILABILITY)
                .setSeverity(Severity.HIGH)
                .setTlp(Tlp.GREEN)
                .setTitle("Substation " + minute + " unreachable")
                .setSummary("RTUs stopped answering.")
                .build();
    }
}
