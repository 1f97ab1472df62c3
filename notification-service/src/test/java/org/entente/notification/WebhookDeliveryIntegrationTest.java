package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.notification.NotificationPipelineIntegrationTest.CLOCK;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;
import org.entente.events.ChannelType;
import org.entente.events.Contact;
import org.entente.events.ContactChain;
import org.entente.events.DeliveryChannel;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.PersonalData;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.notification.reference.ReferenceDocuments.ContactChainDocument;
import org.entente.notification.routing.AlertComposer;
import org.entente.notification.webhook.WebhookReceiver;
import org.entente.notification.webhook.WebhookReceiver.Call;
import org.entente.notification.webhook.WebhookSignature;
import org.entente.schemas.EventCodec;
import org.entente.schemas.Topics;
import org.entente.testing.DeadLetter;
import org.entente.testing.ManagementPort;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook deliveries on a real broker to a real HTTPS receiver ({@link WebhookReceiver}): each
 * alert once, signed, with what its recipient's inbox shows and only to its own state's contact;
 * retries with the same event id and body; a receiver's refusal given up and dead-lettered, as is
 * an address in an internal network that reached the contacts topic all the same, never called;
 * escalations to the next contact's webhook; exercises never; no secret, token or address in the
 * logs, the metrics or the dead letters.
 * <p>
 * Shares the context of {@link NotificationPipelineIntegrationTest}. Its incidents are reported in
 * September 2026, which no other test uses, a day apart, so that moving the clock past one test's
 * deadline reaches no other's. Sweden (no chain in the seed) and Finland's duty officer get
 * webhooks for the time of a test; after each, Finland's seed chain and an inbox-only Swedish
 * chain are put back, so that no other test's alert is ever posted.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = {NotificationServiceApplication.class, NotificationPipelineIntegrationTest.ClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=src/test/resources/reference-data-test.yml"})
@ExtendWith(OutputCaptureExtension.class)
class WebhookDeliveryIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant DAY = Instant.parse("2026-09-15T10:00:00Z");
    static final String GROUP = "notification-service-webhooks";
    static final String DEAD_LETTERS = Topics.ALERTS.deadLetters().name();
    static final String SE_INBOX_CHAIN = """
            {"state": "SE", "chain": [
              {"id": "se-cert-duty", "name": "CERT-SE duty officer", "channels": [{"type": "inbox"}]}]}""";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static WebhookReceiver receiver;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry meters;

    @Value("${entente.webhooks.secrets.FI.fi-ncsc-duty}")
    String fiDutySecret;

    @Value("${entente.webhooks.secrets.SE.se-cert-duty}")
    String seDutySecret;

    @Value("${entente.webhooks.secrets.SE.se-cert-backup}")
    String seBackupSecret;

    final String coordinatorToken = TestTokens.token("coordinator");
    final String run = UUID.randomUUID().toString().substring(0, 8);
    RestTestClient http;
    Instant clockBefore;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/readyz").exchange().expectStatus().isOk());
        clockBefore = CLOCK.instant();
    }

    @AfterEach
    void putBackChainsWithoutWebhooksAndTheClock() {
        putChain("FI", AuthorizationMatrixTest.FI_CHAIN);
        putChain("SE", SE_INBOX_CHAIN);
        CLOCK.set(clockBefore);
    }

    @Test
    void shouldPostEachAlertOnceSignedAsItsInboxShowsItToItsOwnStatesContactAndEscalationsToTheNextContact() {
        // Given webhooks for Finland's duty officer, and for Sweden's duty officer and backup
        putChain("FI", chain("FI", webhookContact("fi-ncsc-duty", "NCSC-FI duty officer", path("fi-ncsc-duty")),
                inboxContact("fi-ncsc-head", "NCSC-FI head of operations")));
        putChain("SE", chain("SE", webhookContact("se-cert-duty", "CERT-SE duty officer", path("se-cert-duty")),
                webhookContact("se-cert-backup", "CERT-SE backup", path("se-cert-backup"))));
        Map<String, Double> before = deliveries();
        CLOCK.set(DAY.plusSeconds(1));

        // When Estonia reports an energy incident (for FI, LV and LT, personal data withheld) and a health incident (for SE)
        IncidentReported energy = incident("energy", Sector.ENERGY, IncidentClass.AVAILABILITY, DAY, null);
        IncidentReported health = incident("health", Sector.HEALTH, IncidentClass.INTRUSIONS, DAY, null);
        TopicProbe.write(Topics.INCIDENTS.name(), energy.getIncidentId(), energy);
        TopicProbe.write(Topics.INCIDENTS.name(), health.getIncidentId(), health);

        // Then each webhook gets its own state's alert once, as that state's inbox shows it, signed with its contact's secret
        String fiAlert = AlertComposer.alertId(energy.getIncidentId(), "FI");
        String seAlert = AlertComposer.alertId(health.getIncidentId(), "SE");
        ConsumerRecord<String, SpecificRecord> fiDelivered = handled(AlertDelivered.class, fiAlert);
        ConsumerRecord<String, SpecificRecord> seDelivered = handled(AlertDelivered.class, seAlert);
        assertThat(receiver.calls(path("fi-ncsc-duty"))).singleElement()
                .satisfies(call -> assertSignedInboxView(call, eventId(fiDelivered), fiDutySecret, "fi", fiAlert));
        assertThat(receiver.calls(path("se-cert-duty"))).singleElement()
                .satisfies(call -> assertSignedInboxView(call, eventId(seDelivered), seDutySecret, "se", seAlert));
        assertThat(new String(receiver.calls(path("fi-ncsc-duty")).get(0).body(), StandardCharsets.UTF_8))
                .doesNotContain("Shift engineer");
        assertThat(receiver.calls(path("se-cert-backup"))).isEmpty();

        // When Sweden's acknowledgement deadline (two hours) has passed, but not its grace period
        CLOCK.set(DAY.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(1)));

        // Then the backup's webhook gets the escalated alert, once, and nobody anything more
        ConsumerRecord<String, SpecificRecord> seEscalated = handled(AlertEscalated.class, seAlert);
        assertThat(receiver.calls(path("se-cert-backup"))).singleElement()
                .satisfies(call -> assertSignedInboxView(call, eventId(seEscalated), seBackupSecret, "se", seAlert));
        assertThat(JSON.readTree(receiver.calls(path("se-cert-backup")).get(0).body()).get("contact").asString())
                .isEqualTo("se-cert-backup");
        assertThat(receiver.calls(path("se-cert-duty"))).hasSize(1);
        assertThat(receiver.calls(path("fi-ncsc-duty"))).hasSize(1);
        assertThat(countedSince(before)).isEqualTo(Map.of("delivered", 3.0));
    }

    @Test
    void shouldRetryAnUnavailableReceiverWithTheSameEventIdAndBodyAndDeliverOnce() {
        // Given a receiver that answers 503 twice before it takes the call
        putChain("SE", chain("SE", webhookContact("se-cert-duty", "CERT-SE duty officer", path("se-cert-duty"))));
        receiver.answer(path("se-cert-duty"), 503, 503);
        Map<String, Double> before = deliveries();

        // When an alert is delivered to Sweden
        IncidentReported health = incident("health", Sector.HEALTH, IncidentClass.INTRUSIONS, DAY.plus(Duration.ofDays(1)), null);
        TopicProbe.write(Topics.INCIDENTS.name(), health.getIncidentId(), health);
        ConsumerRecord<String, SpecificRecord> delivered = handled(AlertDelivered.class,
                AlertComposer.alertId(health.getIncidentId(), "SE"));

        // Then the same event id and body came three times, all signed, and the third was taken: delivered once
        List<Call> calls = receiver.calls(path("se-cert-duty"));
        assertThat(calls).extracting(Call::status).containsExactly(503, 503, 204);
        assertThat(calls).extracting(Call::eventId).containsOnly(eventId(delivered));
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.body()).isEqualTo(calls.get(0).body());
            assertThat(WebhookSignature.verify(call.signature(), call.body(), bytes(seDutySecret), Instant.now())).isTrue();
        });
        assertThat(countedSince(before)).isEqualTo(Map.of("retried", 2.0, "delivered", 1.0));
        assertThat(DeadLetter.readToEnd(DEAD_LETTERS, delivered.partition(), delivered.offset(), delivered.offset())).isEmpty();
    }

    @Test
    void shouldGiveUpOnAClientErrorWithoutRetryingAndRecordItAsADeadLetter() {
        // Given a receiver that refuses the call
        putChain("SE", chain("SE", webhookContact("se-cert-duty", "CERT-SE duty officer", path("se-cert-duty"))));
        receiver.answer(path("se-cert-duty"), 400);
        Map<String, Double> before = deliveries();
        double deadLettersBefore = deadLettersCounted();

        // When an alert is delivered to Sweden
        IncidentReported health = incident("health", Sector.HEALTH, IncidentClass.INTRUSIONS, DAY.plus(Duration.ofDays(2)), null);
        TopicProbe.write(Topics.INCIDENTS.name(), health.getIncidentId(), health);
        ConsumerRecord<String, SpecificRecord> delivered = handled(AlertDelivered.class,
                AlertComposer.alertId(health.getIncidentId(), "SE"));

        // Then it was called once, and the delivery is a dead letter with the reason, counted
        assertThat(receiver.calls(path("se-cert-duty"))).extracting(Call::status).containsExactly(400);
        assertThat(DeadLetter.read(DEAD_LETTERS, delivered.partition(), delivered.offset(), delivered.offset(), 1, WAIT))
                .containsExactly(new DeadLetter(Topics.ALERTS.name(), delivered.partition(), delivered.offset(),
                        "org.entente.notification.webhook.UndeliverableWebhookException",
                        "webhook 1 of contact se-cert-duty of SE: HTTP 400", "SE",
                        DeadLetter.hex(EventCodec.instance().encode(delivered.value())), delivered.partition()));
        assertThat(countedSince(before)).isEqualTo(Map.of("failed", 1.0));
        assertThat(deadLettersCounted() - deadLettersBefore).isEqualTo(1.0);
    }

    @Test
    void shouldRefuseAWebhookInAnInternalNetworkWithoutCallingItAndRecordItAsADeadLetter() {
        // Given a webhook at a private address, which the test profile does not allow (it allows loopback only), on
        // the contacts topic without the API's check (as a chain saved before it was checked, or a name that resolved
        // elsewhere when it was saved, would be)
        String internal = chain("SE", webhookContactAt("se-cert-duty", "CERT-SE duty officer", "https://10.0.0.1/" + run));
        http.put().uri("/api/v1/reference/contacts/SE").header("Authorization", "Bearer " + coordinatorToken)
                .contentType(MediaType.APPLICATION_JSON).body(internal).exchange().expectStatus().isBadRequest();
        TopicProbe.write(Topics.CONTACTS.name(), "SE", new ContactChain(new EventMetadata("event-chain-" + run, DAY, "test", null),
                "SE", List.of(new Contact("se-cert-duty", "CERT-SE duty officer", List.of(
                        new DeliveryChannel(ChannelType.INBOX, null), new DeliveryChannel(ChannelType.WEBHOOK, "https://10.0.0.1/" + run))))));
        awaitChain("SE", internal);
        Map<String, Double> before = deliveries();

        // When an alert is delivered to Sweden
        IncidentReported health = incident("policy", Sector.HEALTH, IncidentClass.INTRUSIONS, DAY.plus(Duration.ofDays(5)), null);
        TopicProbe.write(Topics.INCIDENTS.name(), health.getIncidentId(), health);
        ConsumerRecord<String, SpecificRecord> delivered = handled(AlertDelivered.class,
                AlertComposer.alertId(health.getIncidentId(), "SE"));

        // Then the delivery is given up at once, not retried, and is a dead letter naming the address policy
        assertThat(DeadLetter.read(DEAD_LETTERS, delivered.partition(), delivered.offset(), delivered.offset(), 1, WAIT))
                .containsExactly(new DeadLetter(Topics.ALERTS.name(), delivered.partition(), delivered.offset(),
                        "org.entente.notification.webhook.UndeliverableWebhookException",
                        "webhook 1 of contact se-cert-duty of SE: refused by the address policy: its host resolves into "
                                + "10.0.0.0/8 (private), which entente.webhooks.allowed-networks does not allow", "SE",
                        DeadLetter.hex(EventCodec.instance().encode(delivered.value())), delivered.partition()));
        assertThat(countedSince(before)).isEqualTo(Map.of("failed", 1.0));
    }

    @Test
    void shouldNeverPostAnExerciseAlertToAWebhook() {
        putChain("SE", chain("SE", webhookContact("se-cert-duty", "CERT-SE duty officer", path("se-cert-duty"))));
        Map<String, Double> before = deliveries();

        IncidentReported exercise = incident("exercise", Sector.HEALTH, IncidentClass.INTRUSIONS, DAY.plus(Duration.ofDays(3)),
                "exercise-" + run);
        TopicProbe.write(Topics.EXERCISE_INCIDENTS.name(), exercise.getIncidentId(), exercise);
        handled(AlertDelivered.class, AlertComposer.alertId(exercise.getIncidentId(), "SE"));

        assertThat(receiver.calls(path("se-cert-duty"))).isEmpty();
        assertThat(countedSince(before)).isEmpty();
    }

    @Test
    void shouldKeepSecretsTokensAndAddressesOutOfLogsMetricsAndDeadLetters(CapturedOutput output) {
        // Given a webhook whose address carries the receiver's own token, and that never answers but 503
        String addressToken = "planted-address-token-" + run;
        putChain("SE", chain("SE", webhookContact("se-cert-duty", "CERT-SE duty officer",
                path("se-cert-duty") + "?token=" + addressToken)));
        receiver.answer(path("se-cert-duty"), 503, 503, 503, 503);

        // When an alert is delivered to Sweden, and the delivery is given up
        IncidentReported health = incident("health", Sector.HEALTH, IncidentClass.INTRUSIONS, DAY.plus(Duration.ofDays(4)), null);
        TopicProbe.write(Topics.INCIDENTS.name(), health.getIncidentId(), health);
        ConsumerRecord<String, SpecificRecord> delivered = handled(AlertDelivered.class,
                AlertComposer.alertId(health.getIncidentId(), "SE"));
        assertThat(receiver.calls(path("se-cert-duty"))).hasSize(4);

        // Then the failure is in the log, the metrics and a dead letter, but no secret, token or address is
        String log = output.getAll();
        assertThat(log).contains("Gave up delivering event " + eventId(delivered) + " (alert " + AlertComposer.alertId(
                health.getIncidentId(), "SE") + ") to webhook 1 of contact se-cert-duty of SE: HTTP 503 after 4 attempts");
        String metrics = new ManagementPort(port, managementPort).scrape();
        assertThat(metrics).contains("entente_webhook_deliveries_total{application=\"notification-service\",outcome=\"failed\"}");
        List<DeadLetter> letters = DeadLetter.read(DEAD_LETTERS, delivered.partition(), delivered.offset(), delivered.offset(), 1,
                WAIT);
        assertThat(letters).hasSize(1);
        for (String planted : List.of(fiDutySecret, seDutySecret, seBackupSecret, coordinatorToken, addressToken)) {
            assertThat(log).as("the log").doesNotContain(planted);
            assertThat(metrics).as("the metrics").doesNotContain(planted);
            assertThat(letters.toString()).as("the dead letter").doesNotContain(planted);
        }
        assertThat(log).doesNotContain(receiver.address(path("se-cert-duty")));
    }

    private void assertSignedInboxView(Call call, String eventId, String secret, String state, String alertId) {
        assertThat(call.eventId()).isEqualTo(eventId);
        assertThat(call.contentType()).isEqualTo("application/json");
        assertThat(WebhookSignature.verify(call.signature(), call.body(), bytes(secret), Instant.now())).isTrue();
        byte[] inbox = http.get().uri("/api/v1/alerts/" + alertId).header("Authorization", TestTokens.bearer("poc-" + state))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(JSON.readTree(call.body())).isEqualTo(JSON.readTree(inbox));
    }

    /** The one event of this type for the alert, once the dispatcher has committed past it. */
    private static ConsumerRecord<String, SpecificRecord> handled(Class<? extends SpecificRecord> type, String alertId) {
        Predicate<ConsumerRecord<String, SpecificRecord>> ofAlert = record -> type.isInstance(record.value())
                && alertId.equals(((GenericRecord) record.value()).get("alertId"));
        List<ConsumerRecord<String, SpecificRecord>> found = TopicProbe.read(Topics.ALERTS.name(), ofAlert,
                records -> !records.isEmpty(), WAIT);
        assertThat(found).as("%s of %s", type.getSimpleName(), alertId).hasSize(1);
        ConsumerRecord<String, SpecificRecord> record = found.get(0);
        await().atMost(WAIT).until(() -> TopicProbe.committedOffset(GROUP, Topics.ALERTS.name(), record.partition()) > record.offset());
        return record;
    }

    private static String eventId(ConsumerRecord<String, SpecificRecord> record) {
        return ((EventMetadata) ((GenericRecord) record.value()).get("metadata")).getEventId();
    }

    private void putChain(String state, String chain) {
        http.put().uri("/api/v1/reference/contacts/" + state).header("Authorization", "Bearer " + coordinatorToken)
                .contentType(MediaType.APPLICATION_JSON).body(chain).exchange().expectStatus().isAccepted();
        awaitChain(state, chain);
    }

    private void awaitChain(String state, String chain) {
        ContactChainDocument expected = JSON.readValue(chain, ContactChainDocument.class);
        await().atMost(WAIT).until(() -> expected.equals(http.get().uri("/api/v1/reference/contacts/" + state)
                .header("Authorization", "Bearer " + coordinatorToken).exchange()
                .expectBody(ContactChainDocument.class).returnResult().getResponseBody()));
    }

    private String path(String contact) {
        return "/" + run + "/" + contact;
    }

    private String webhookContact(String id, String name, String path) {
        return webhookContactAt(id, name, receiver.address(path));
    }

    private static String webhookContactAt(String id, String name, String address) {
        return """
                {"id": "%s", "name": "%s", "channels": [{"type": "inbox"}, {"type": "webhook", "address": "%s"}]}"""
                .formatted(id, name, address);
    }

    private static String inboxContact(String id, String name) {
        return """
                {"id": "%s", "name": "%s", "channels": [{"type": "inbox"}]}""".formatted(id, name);
    }

    private static String chain(String state, String... contacts) {
        return """
                {"state": "%s", "chain": [%s]}""".formatted(state, String.join(", ", contacts));
    }

    private Map<String, Double> deliveries() {
        return meters.find("entente.webhook.deliveries").counters().stream()
                .collect(Collectors.toMap(counter -> counter.getId().getTag("outcome"), Counter::count));
    }

    private Map<String, Double> countedSince(Map<String, Double> before) {
        return deliveries().entrySet().stream()
                .filter(entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0.0) != 0.0)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)));
    }

    private double deadLettersCounted() {
        return meters.get("entente.dlq.records").tag("topic", Topics.ALERTS.name()).tag("reason", "other").counter().count();
    }

    private IncidentReported incident(String what, Sector sector, IncidentClass incidentClass, Instant reportedAt, String exerciseId) {
        String id = "INC-" + run + "-" + what;
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("event-" + id, reportedAt, "test", exerciseId))
                .setIncidentId(id)
                .setReportingState("EE")
                .setReporter("ee-poc")
                .setDetectedAt(reportedAt.minusSeconds(900))
                .setReportedAt(reportedAt)
                .setSector(sector)
                .setIncidentClass(incidentClass)
                .setSeverity(Severity.HIGH)
                .setTlp(Tlp.AMBER)
                .setTitle("Webhook test: " + what)
                .setSummary("Reported to exercise webhook deliveries.")
                .setIndicators(List.of("198.51.100.23"))
                .setPersonalData(PersonalData.newBuilder().setNames(List.of("Shift engineer")).build())
                .build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
