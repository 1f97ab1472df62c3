package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.entente.events.AgreementRef;
import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertIssued;
import org.entente.events.DataCategory;
import org.entente.events.DisclosureRecorded;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.StateProfile;
import org.entente.events.Tlp;
import org.entente.notification.fanout.AlertSignature;
import org.entente.notification.fanout.AlertSigningProperties;
import org.entente.notification.routing.AlertComposer;
import org.entente.schemas.EventCodec;
import org.entente.schemas.Topics;
import org.entente.testing.DeadLetter;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Poison on the three streams notification-service reads, on a real broker: the good records are
 * processed exactly as before, the bad ones are dead letters with their reasons, counted once;
 * after a restart the fan-out reads nothing again. On the alert stream, an alert the fan-out did
 * not sign is poison too. Shares the context of
 * {@link NotificationPipelineIntegrationTest}; its incidents are reported on a day no other test uses.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = {NotificationServiceApplication.class, NotificationPipelineIntegrationTest.ClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=src/test/resources/reference-data-test.yml"})
class DeadLetterIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String FAN_OUT = "notification-service-fanout";
    static final Instant DAY = Instant.parse("2026-10-12T09:00:00Z");
    static final byte[] NOT_AN_EVENT = "not an event".getBytes(StandardCharsets.UTF_8);
    /** Single-object encoding's marker, then fingerprint 0x1a2b3c4d5e6f7081 (little-endian), then a body. */
    static final byte[] UNKNOWN_SCHEMA = {(byte) 0xC3, 0x01, (byte) 0x81, 0x70, 0x6f, 0x5e, 0x4d, 0x3c, 0x2b, 0x1a, 0x02, 0x00};
    static final List<String> RECIPIENTS = List.of("FI", "LT", "LV");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    AlertSigningProperties keys;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/readyz").exchange().expectStatus().isOk());
    }

    @Test
    void shouldFanOutTheGoodIncidentsDeadLetterTheRestAndNotReadThemAgainAfterARestart() {
        String topic = Topics.INCIDENTS.name();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Double> countedBefore = counted(topic);
        IncidentReported good1 = incident("INC-" + run + "-1", "EE", 0);
        IncidentReported good2 = incident("INC-" + run + "-2", "EE", 1);
        IncidentReported misfiled = incident("INC-" + run + "-m", "EE", 2);
        StateProfile notAnIncident = new StateProfile(new EventMetadata("e-" + run, DAY, "test", null), "EE", "Estonia");

        RecordMetadata first = TopicProbe.write(topic, 0, good1.getIncidentId(), good1);
        RecordMetadata poison = TopicProbe.writeBytes(topic, 0, "INC-" + run + "-p", NOT_AN_EVENT);
        RecordMetadata unknown = TopicProbe.writeBytes(topic, 0, "INC-" + run + "-u", UNKNOWN_SCHEMA);
        RecordMetadata invalid = TopicProbe.write(topic, 0, "INC-" + run + "-other-key", misfiled);
        RecordMetadata otherType = TopicProbe.write(topic, 0, "EE", notAnIncident);
        RecordMetadata last = TopicProbe.write(topic, 0, good2.getIncidentId(), good2);

        // Then, once the fan-out has committed past them, each good incident is fanned out to
        // exactly its recipients, the misfiled one to nobody
        assertThat(alertsIssued(good1.getIncidentId(), 3)).isEqualTo(RECIPIENTS);
        assertThat(alertsIssued(good2.getIncidentId(), 3)).isEqualTo(RECIPIENTS);
        TopicProbe.awaitCommittedPast(FAN_OUT, last, WAIT);
        assertThat(alertsIssuedSoFar(misfiled.getIncidentId())).isEmpty();
        // and the bad records are dead letters with their reasons, counted once each
        List<DeadLetter> expected = List.of(
                new DeadLetter(topic, 0, poison.offset(), "org.entente.schemas.UndecodableEventException",
                        "not Avro single-object encoded", "INC-" + run + "-p", DeadLetter.hex(NOT_AN_EVENT), 0),
                new DeadLetter(topic, 0, unknown.offset(), "org.entente.schemas.UnknownSchemaException",
                        "unknown schema fingerprint 1a2b3c4d5e6f7081", "INC-" + run + "-u", DeadLetter.hex(UNKNOWN_SCHEMA), 0),
                new DeadLetter(topic, 0, invalid.offset(), "org.entente.schemas.InvalidEventException",
                        "key \"INC-" + run + "-other-key\" is not the event's incidentId \"" + misfiled.getIncidentId() + "\"",
                        "INC-" + run + "-other-key", DeadLetter.hex(EventCodec.instance().encode(misfiled)), 0),
                new DeadLetter(topic, 0, otherType.offset(), "org.entente.schemas.UnexpectedEventTypeException",
                        "expected IncidentReported on incident.events.v1 but found StateProfile", "EE",
                        DeadLetter.hex(EventCodec.instance().encode(notAnIncident)), 0));
        assertThat(inSourceOrder(DeadLetter.read(topic + ".dlq", 0, first.offset(), last.offset(), 4, WAIT)))
                .containsExactlyElementsOf(expected);
        Map<String, Double> once = Map.of("undecodable", 1.0, "unknown-schema", 1.0, "invalid", 1.0, "unexpected-type", 1.0);
        assertThat(countedSince(topic, countedBefore)).isEqualTo(once);

        // When the fan-out application restarts and another incident comes
        bindings.stop("fanOutIncident-in-0");
        bindings.start("fanOutIncident-in-0");
        IncidentReported good3 = incident("INC-" + run + "-3", "EE", 3);
        RecordMetadata afterRestart = TopicProbe.write(topic, 0, good3.getIncidentId(), good3);

        // Then it is fanned out, and nothing before it is read again
        assertThat(alertsIssued(good3.getIncidentId(), 3)).isEqualTo(RECIPIENTS);
        TopicProbe.awaitCommittedPast(FAN_OUT, afterRestart, WAIT);
        assertThat(alertsIssuedSoFar(good1.getIncidentId())).isEqualTo(RECIPIENTS);
        assertThat(inSourceOrder(DeadLetter.readToEnd(topic + ".dlq", 0, first.offset(), afterRestart.offset())))
                .containsExactlyElementsOf(expected);
        assertThat(countedSince(topic, countedBefore)).isEqualTo(once);
    }

    @Test
    void shouldDeadLetterActionsOnAlertsNeverIssuedAndGoOnDeliveringAlerts() {
        String topic = Topics.ALERTS.name();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Double> countedBefore = counted(topic);
        String unknownAlert = "alert-" + run;
        AlertAcknowledged strayAck = new AlertAcknowledged(new EventMetadata("e-" + run, DAY, "test", null), unknownAlert, "FI",
                "fi-ncsc-duty", DAY);
        IncidentReported notAnAlertEvent = incident("INC-" + run + "-x", "EE", 4);

        RecordMetadata ack = TopicProbe.write(topic, "FI", strayAck);
        RecordMetadata incident = TopicProbe.write(topic, "FI", notAnAlertEvent);

        assertThat(inSourceOrder(DeadLetter.read(topic + ".dlq", ack.partition(), ack.offset(), incident.offset(), 2, WAIT)))
                .containsExactly(
                        new DeadLetter(topic, ack.partition(), ack.offset(), "org.entente.schemas.InvalidEventException",
                                "no alert " + unknownAlert + " was issued to FI", "FI",
                                DeadLetter.hex(EventCodec.instance().encode(strayAck)), ack.partition()),
                        new DeadLetter(topic, incident.partition(), incident.offset(), "org.entente.schemas.UnexpectedEventTypeException",
                                "expected an alert event on alert.events.v1 but found IncidentReported", "FI",
                                DeadLetter.hex(EventCodec.instance().encode(notAnAlertEvent)), incident.partition()));
        assertThat(countedSince(topic, countedBefore)).isEqualTo(Map.of("invalid", 1.0, "unexpected-type", 1.0));

        // and the lifecycle goes on: a new incident's alert reaches Finland's inbox
        IncidentReported next = incident("INC-" + run + "-n", "EE", 5);
        TopicProbe.write(Topics.INCIDENTS.name(), next.getIncidentId(), next);
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/v1/alerts/" + AlertComposer.alertId(next.getIncidentId(), "FI"))
                .header("Authorization", TestTokens.bearer("poc-fi")).exchange().expectStatus().isOk());
    }

    /**
     * Kafka does not say who wrote a record, and the alert topic has other writers than the
     * fan-out: an {@code AlertIssued} enters an inbox only with the fan-out's signature, under the
     * signing key or a verification key of a rotation.
     */
    @Test
    void shouldTakeIntoTheInboxOnlyTheAlertsTheFanOutSigned() {
        // Given Finland's alert of an incident, as the fan-out wrote it
        String topic = Topics.ALERTS.name();
        String run = UUID.randomUUID().toString().substring(0, 8);
        IncidentReported reported = incident("INC-" + run + "-s", "EE", 7);
        TopicProbe.write(Topics.INCIDENTS.name(), reported.getIncidentId(), reported);
        ConsumerRecord<String, SpecificRecord> genuine = TopicProbe.read(topic, record -> record.key().equals("FI")
                && record.value() instanceof AlertIssued alert && alert.getIncidentId().equals(reported.getIncidentId()),
                found -> !found.isEmpty(), WAIT).get(0);
        AlertIssued alert = (AlertIssued) genuine.value();
        byte[] genuineSignature = genuine.headers().lastHeader(AlertSignature.HEADER).value();

        // Then it carries the fan-out's signature over its key and bytes
        assertThat(genuineSignature).isEqualTo(signature(keys.signature(), alert));

        // When copies of it under other alert ids are written straight to the alert topic: one
        // without a signature, one signed under a key the service does not know, one with the
        // genuine alert's signature on its other content, one signed under the rotation's earlier key
        Map<String, Double> countedBefore = counted(topic);
        AlertIssued unsigned = copy(alert, "unsigned");
        AlertIssued otherKey = copy(alert, "other-key");
        AlertIssued tampered = copy(alert, "tampered");
        AlertIssued rotated = copy(alert, "rotated");
        RecordMetadata first = writeAlert(unsigned, null);
        RecordMetadata second = writeAlert(otherKey, signature(signatureUnder(new byte[32]), otherKey));
        RecordMetadata third = writeAlert(tampered, genuineSignature);
        writeAlert(rotated, signature(signatureUnder(Base64.getDecoder().decode(keys.verificationKeys().get(0))), rotated));

        // Then the one signed under the earlier key reaches Finland's inbox; the others are dead
        // letters with their reasons, counted once each, and never reach it
        await().atMost(WAIT).untilAsserted(() -> inboxOfFinland(rotated).expectStatus().isOk());
        String notAsWritten = " does not match its entente-alert-signature: it is not as notification-service's fan-out wrote it";
        assertThat(inSourceOrder(DeadLetter.read(topic + ".dlq", first.partition(), first.offset(), third.offset(), 3, WAIT)))
                .containsExactly(
                        alertDeadLetter(first, unsigned, "alert " + unsigned.getAlertId()
                                + " has no entente-alert-signature header: notification-service's fan-out did not write it"),
                        alertDeadLetter(second, otherKey, "alert " + otherKey.getAlertId() + notAsWritten),
                        alertDeadLetter(third, tampered, "alert " + tampered.getAlertId() + notAsWritten));
        assertThat(countedSince(topic, countedBefore)).isEqualTo(Map.of("invalid", 3.0));
        for (AlertIssued forged : List.of(unsigned, otherKey, tampered)) {
            inboxOfFinland(forged).expectStatus().isNotFound();
        }
    }

    @Test
    void shouldDeadLetterLedgerEntriesFiledUnderAnotherStateOrOfAnotherType() {
        String topic = Topics.DISCLOSURES.name();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Double> countedBefore = counted(topic);
        DisclosureRecorded misfiled = disclosure("alert-" + run + "-m");
        IncidentReported notADisclosure = incident("INC-" + run + "-x", "EE", 6);
        DisclosureRecorded good = disclosure("alert-" + run + "-g");

        RecordMetadata wrongKey = TopicProbe.write(topic, "EE", misfiled);
        RecordMetadata wrongType = TopicProbe.write(topic, "EE", notADisclosure);
        TopicProbe.write(topic, "FI", good);

        await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerAlertIds()).contains(good.getAlertId()));
        assertThat(ledgerAlertIds()).doesNotContain(misfiled.getAlertId());
        assertThat(inSourceOrder(DeadLetter.read(topic + ".dlq", wrongKey.partition(), wrongKey.offset(), wrongType.offset(), 2, WAIT)))
                .containsExactly(
                        new DeadLetter(topic, wrongKey.partition(), wrongKey.offset(), "org.entente.schemas.InvalidEventException",
                                "key \"EE\" is not the event's recipientState \"FI\"", "EE",
                                DeadLetter.hex(EventCodec.instance().encode(misfiled)), wrongKey.partition()),
                        new DeadLetter(topic, wrongType.partition(), wrongType.offset(), "org.entente.schemas.UnexpectedEventTypeException",
                                "expected DisclosureRecorded on disclosure.ledger.v1 but found IncidentReported", "EE",
                                DeadLetter.hex(EventCodec.instance().encode(notADisclosure)), wrongType.partition()));
        assertThat(countedSince(topic, countedBefore)).isEqualTo(Map.of("invalid", 1.0, "unexpected-type", 1.0));
    }

    /** The recipients of the incident's alerts, once there are {@code atLeast}. */
    private static List<String> alertsIssued(String incidentId, int atLeast) {
        return recipients(TopicProbe.read(Topics.ALERTS.name(), issuedFor(incidentId), found -> found.size() >= atLeast, WAIT));
    }

    /** The recipients of the incident's alerts written so far: all, once the fan-out has committed past the incident. */
    private static List<String> alertsIssuedSoFar(String incidentId) {
        return recipients(TopicProbe.readToEnd(Topics.ALERTS.name(), issuedFor(incidentId)));
    }

    private static Predicate<ConsumerRecord<String, SpecificRecord>> issuedFor(String incidentId) {
        return record -> record.value() instanceof AlertIssued alert && alert.getIncidentId().equals(incidentId);
    }

    private static List<String> recipients(List<ConsumerRecord<String, SpecificRecord>> issued) {
        return issued.stream().map(ConsumerRecord::key).sorted().toList();
    }

    /** The alert under another id (and event id): content the fan-out never signed. */
    private static AlertIssued copy(AlertIssued alert, String what) {
        return AlertIssued.newBuilder(alert)
                .setMetadata(EventMetadata.newBuilder(alert.getMetadata()).setEventId(alert.getMetadata().getEventId() + "-" + what).build())
                .setAlertId(alert.getAlertId() + "-" + what)
                .build();
    }

    private static AlertSignature signatureUnder(byte[] key) {
        return new AlertSigningProperties(Base64.getEncoder().encodeToString(key), null).signature();
    }

    /** The fan-out's signature of {@code alert}, keyed by its recipient state, under {@code signature}'s signing key. */
    private static byte[] signature(AlertSignature signature, AlertIssued alert) {
        return signature.sign(alert.getRecipientState(), AlertSignature.digest(EventCodec.instance().encode(alert)));
    }

    /** Writes the alert to the alert topic, keyed by its recipient state, with {@code signature} unless null. */
    private static RecordMetadata writeAlert(AlertIssued alert, byte[] signature) {
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(Topics.ALERTS.name(), alert.getRecipientState(), alert);
        if (signature != null) {
            record.headers().add(AlertSignature.HEADER, signature);
        }
        return TopicProbe.write(record);
    }

    private static DeadLetter alertDeadLetter(RecordMetadata written, AlertIssued alert, String reason) {
        return new DeadLetter(Topics.ALERTS.name(), written.partition(), written.offset(), "org.entente.schemas.InvalidEventException",
                reason, alert.getRecipientState(), DeadLetter.hex(EventCodec.instance().encode(alert)), written.partition());
    }

    private RestTestClient.ResponseSpec inboxOfFinland(AlertIssued alert) {
        return http.get().uri("/api/v1/alerts/" + alert.getAlertId()).header("Authorization", TestTokens.bearer("poc-fi")).exchange();
    }

    private List<String> ledgerAlertIds() {
        List<?> entries = http.get().uri("/api/v1/ledger/disclosures?recipient=FI&from=2026-10-12T00:00:00Z&to=2026-10-13T00:00:00Z")
                .header("Authorization", TestTokens.bearer("oversight")).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return entries.stream().map(entry -> (String) ((Map<?, ?>) entry).get("alertId")).toList();
    }

    static List<DeadLetter> inSourceOrder(List<DeadLetter> letters) {
        return letters.stream().sorted(Comparator.comparingLong(DeadLetter::originalOffset)).toList();
    }

    private Map<String, Double> counted(String topic) {
        return meters.find("entente.dlq.records").tag("topic", topic).counters().stream()
                .collect(Collectors.toMap(counter -> counter.getId().getTag("reason"), Counter::count));
    }

    private Map<String, Double> countedSince(String topic, Map<String, Double> before) {
        return counted(topic).entrySet().stream()
                .filter(entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0.0) != 0.0)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)));
    }

    static IncidentReported incident(String id, String reportingState, int minute) {
        Instant reportedAt = DAY.plus(Duration.ofMinutes(minute));
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
                .setTlp(Tlp.AMBER)
                .setTitle("Substation control lost")
                .setSummary("Remote terminal units stopped answering.")
                .build();
    }

    static DisclosureRecorded disclosure(String alertId) {
        return DisclosureRecorded.newBuilder()
                .setMetadata(new EventMetadata("event-" + alertId, DAY, "test", null))
                .setAlertId(alertId)
                .setIncidentId("INC-" + alertId)
                .setReportingState("EE")
                .setRecipientState("FI")
                .setAgreement(new AgreementRef("baltic-energy", 1))
                .setTlp(Tlp.AMBER)
                .setDisclosed(List.of(DataCategory.OPERATIONAL))
                .setWithheld(List.of())
                .setDisclosedAt(DAY)
                .build();
    }
}
