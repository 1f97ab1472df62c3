package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.entente.events.AlertEscalated;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.CommitmentResult;
import org.entente.events.DataCategory;
import org.entente.events.DisclosureRecorded;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.PersonalData;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.notification.routing.RecipientLabel;
import org.entente.platform.kafka.StreamThreadReplacement;
import org.entente.schemas.Topics;
import org.entente.testing.AccessMatrix;
import org.entente.testing.MutableClock;
import org.entente.testing.ReferenceStates;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The notification pipeline on a real broker: an incident in, exactly the permitted alerts in
 * exactly the right inboxes, ledger entries, acknowledgements judged on time, escalation and a
 * missed commitment as the (test-controlled) clock passes the deadlines. And the reference data
 * API's state codes and webhook addresses: a coordinator registers a state under a new code
 * (Iceland, IS, which no agreement covers and so no alert ever reaches), every other code must
 * be a registered one, and a webhook in an internal network is refused when its chain is saved
 * unless its network is allowed (the test profile allows loopback only).
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=src/test/resources/reference-data-test.yml"})
public class NotificationPipelineIntegrationTest {

    static final Instant REPORTED_AT = Instant.parse("2026-11-27T08:00:00Z");
    /** The fan-out and delivery happen at once on this clock: every commitment period runs from here. */
    static final Instant DELIVERED_AT = REPORTED_AT.plusSeconds(1);
    static final MutableClock CLOCK = new MutableClock(DELIVERED_AT);
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String REFUSED = "refused by the address policy: its host resolves into %s, "
            + "which entente.webhooks.allowed-networks does not allow";

    @TestConfiguration
    public static class ClockConfiguration {
        @Bean
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    List<StreamsBuilderFactoryBean> streamsApplications;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/readyz").exchange().expectStatus().isOk());
    }

    @Test
    void shouldRouteMinimiseRecordAndJudgeCommitmentsOnEventTime() {
        String incidentId = "INC-" + UUID.randomUUID();
        TopicProbe.write(Topics.INCIDENTS.name(), incidentId, incident(incidentId));

        await().atMost(WAIT).untilAsserted(() -> {
            for (String state : List.of("fi", "lv", "lt")) {
                inbox(state).jsonPath("$[?(@.incidentId == '" + incidentId + "')].status").isEqualTo(List.of("delivered"));
            }
        });
        inbox("se").jsonPath("$[?(@.incidentId == '" + incidentId + "')]").isEmpty();
        inbox("ee").jsonPath("$[?(@.incidentId == '" + incidentId + "')]").isEmpty();

        String fiAlert = alertId("fi", incidentId);
        http.get().uri("/api/v1/alerts/" + fiAlert).header("Authorization", TestTokens.bearer("poc-fi")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reportingState").isEqualTo("EE")
                .jsonPath("$.agreement").isEqualTo("baltic-energy")
                .jsonPath("$.agreementVersion").isEqualTo(1)
                .jsonPath("$.contact").isEqualTo("fi-ncsc-duty")
                .jsonPath("$.tlp").isEqualTo("AMBER")
                .jsonPath("$.title").isEqualTo("Substation control lost")
                .jsonPath("$.indicators").isEqualTo(List.of("198.51.100.23"))
                .jsonPath("$.personalData").doesNotExist()
                .jsonPath("$.withheld[0].category").isEqualTo("personal-data")
                .jsonPath("$.withheld[0].reason").isEqualTo("not permitted under baltic-energy v1")
                .jsonPath("$.deadlines[0].commitment").isEqualTo("acknowledge")
                .jsonPath("$.deadlines[0].dueAt").isEqualTo("2026-11-27T08:30:01Z");
        http.get().uri("/api/v1/alerts/" + fiAlert).header("Authorization", TestTokens.bearer("poc-lv")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/alerts/" + fiAlert + "/acknowledgement").header("Authorization", TestTokens.bearer("poc-lv"))
                .exchange().expectStatus().isNotFound();

        CLOCK.set(DELIVERED_AT.plus(Duration.ofMinutes(10)));
        acknowledge("fi", fiAlert);
        CLOCK.set(DELIVERED_AT.plus(Duration.ofHours(1)).plusSeconds(1));
        String ltAlert = alertId("lt", incidentId);
        await().atMost(WAIT).untilAsserted(() -> alert("lt", ltAlert)
                .jsonPath("$.status").isEqualTo("escalated")
                .jsonPath("$.contact").isEqualTo("lt-nksc-backup"));
        CLOCK.set(DELIVERED_AT.plus(Duration.ofMinutes(90)));
        acknowledge("lv", alertId("lv", incidentId));
        CLOCK.set(DELIVERED_AT.plus(Duration.ofHours(2)).plusSeconds(1));

        List<ConsumerRecord<String, SpecificRecord>> outcomes = TopicProbe.read(Topics.COMMITMENT_OUTCOMES.name(),
                of(CommitmentOutcomeRecorded.class, o -> o.getIncidentId().equals(incidentId)), found -> found.size() >= 3, WAIT);
        assertThat(outcomes).extracting(ConsumerRecord::key, r -> ((CommitmentOutcomeRecorded) r.value()).getResult(),
                        r -> ((CommitmentOutcomeRecorded) r.value()).getResponseMillis())
                .containsExactlyInAnyOrder(
                        tuple("FI", CommitmentResult.HONOURED, 600_000L),
                        tuple("LV", CommitmentResult.LATE, 5_400_000L),
                        tuple("LT", CommitmentResult.MISSED, null));

        List<ConsumerRecord<String, SpecificRecord>> escalations = TopicProbe.read(Topics.ALERTS.name(),
                of(AlertEscalated.class, e -> e.getAlertId().equals(ltAlert)), found -> found.size() >= 2, WAIT);
        assertThat(escalations).extracting(r -> ((AlertEscalated) r.value()).getLevel(),
                        r -> ((AlertEscalated) r.value()).getContactId(), r -> ((AlertEscalated) r.value()).getEscalatedAt())
                .containsExactly(
                        tuple(1, "lt-nksc-backup", DELIVERED_AT.plus(Duration.ofHours(1))),
                        tuple(2, "lt-nksc-director", DELIVERED_AT.plus(Duration.ofHours(2))));

        List<ConsumerRecord<String, SpecificRecord>> ledger = TopicProbe.read(Topics.DISCLOSURES.name(),
                of(DisclosureRecorded.class, d -> d.getIncidentId().equals(incidentId)), found -> found.size() >= 3, WAIT);
        assertThat(ledger).extracting(ConsumerRecord::key, r -> ((DisclosureRecorded) r.value()).getDisclosed(),
                        r -> ((DisclosureRecorded) r.value()).getWithheld().get(0).getCategory())
                .containsExactlyInAnyOrder(
                        tuple("FI", List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS), DataCategory.PERSONAL_DATA),
                        tuple("LV", List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS), DataCategory.PERSONAL_DATA),
                        tuple("LT", List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS), DataCategory.PERSONAL_DATA));
    }

    @Test
    void shouldCountARedIncidentsAlertsWithoutNamingTheirRecipient() {
        // Given a RED incident for Finland, which ee-fi-energy lets reach it
        double finlandBefore = issuedTo("FI");
        double withheldBefore = issuedTo(RecipientLabel.WITHHELD);
        String incidentId = "INC-RED-" + UUID.randomUUID();
        IncidentReported red = IncidentReported.newBuilder(incident(incidentId)).setTlp(Tlp.RED).setNamedRecipients(List.of("FI"))
                .build();

        // When it is fanned out
        TopicProbe.write(Topics.INCIDENTS.name(), incidentId, red);
        await().atMost(WAIT).untilAsserted(() -> inbox("fi").jsonPath("$[?(@.incidentId == '" + incidentId + "')].tlp")
                .isEqualTo(List.of("RED")));

        // Then its alert counts as withheld, not as Finland's
        assertThat(issuedTo(RecipientLabel.WITHHELD) - withheldBefore).isEqualTo(1.0);
        assertThat(issuedTo("FI")).isEqualTo(finlandBefore);
    }

    private double issuedTo(String recipientLabel) {
        return meters.find("entente.alerts.issued").tag(RecipientLabel.NAME, recipientLabel).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Test
    void shouldLetOnlyCoordinatorsReadAndChangeReferenceData() {
        http.get().uri("/api/v1/reference/agreements").header("Authorization", TestTokens.bearer("coordinator")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].id").isEqualTo(List.of("baltic-energy", "ee-fi-energy", "ee-se-health"));
        http.get().uri("/api/v1/reference/agreements").header("Authorization", TestTokens.bearer("poc-ee")).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/alerts").header("Authorization", TestTokens.bearer("coordinator")).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/alerts").exchange().expectStatus().isUnauthorized();

        http.put().uri("/api/v1/reference/agreements/ee-fi-energy").header("Authorization", TestTokens.bearer("coordinator"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"id": "ee-fi-energy", "version": 2, "title": "same version", "parties": ["EE", "FI"],
                         "sectors": ["energy"], "incidentClasses": ["availability"], "minimumSeverity": "low",
                         "maxTlp": "AMBER", "dataCategories": ["operational"], "validFrom": "2026-01-01T00:00:00Z",
                         "status": "active"}""")
                .exchange().expectStatus().isEqualTo(409);
        http.put().uri("/api/v1/reference/agreements/bad").header("Authorization", TestTokens.bearer("coordinator"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"id": "bad", "version": 1, "title": "t", "parties": ["EE"], "sectors": ["energy"],
                         "incidentClasses": ["availability"], "minimumSeverity": "low", "maxTlp": "AMBER",
                         "dataCategories": ["personal-data"], "validFrom": "2026-01-01T00:00:00Z", "status": "active"}""")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("parties", "personalDataLegalBasis"));
    }

    @Test
    void shouldRegisterAStateUnderANewCodeAndThenTakeItsChainWithWebhooksInAllowedNetworks() {
        // Given Iceland, which is not registered: its contact chain is not looked for, but refused
        asCoordinator(http.get().uri("/api/v1/reference/contacts/IS")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "state", "message", "IS is not a registered state")));

        // When the coordinator registers it
        asCoordinator(http.put().uri("/api/v1/reference/states/IS")).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "IS", "name", "Iceland")).exchange().expectStatus().isAccepted();

        // Then its code is known a moment later: it has no chain yet, and takes one with webhooks at a public
        // address and on loopback, IPv4 and IPv6, which the test profile allows
        await().atMost(WAIT).untilAsserted(() -> asCoordinator(http.get().uri("/api/v1/reference/contacts/IS")).exchange()
                .expectStatus().isNotFound());
        putChain("IS", webhooks("https://192.0.2.10/entente", "https://127.0.0.1:8443/hook", "https://[::1]:8443/hook"))
                .expectStatus().isAccepted();
    }

    @Test
    void shouldRefuseAStateCodeThatIsNoRegisteredStateInAPathOrABodyNamingIt() {
        asCoordinator(http.get().uri("/api/v1/reference/contacts/ZZ")).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "state", "message", "ZZ is not a registered state")));
        putChain("ZZ", Map.of("id", "zz-duty", "name", "Duty", "channels", List.of(Map.of("type", "inbox"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "state", "message", "ZZ is not a registered state")));
        asCoordinator(http.put().uri("/api/v1/reference/agreements/ee-zz-energy")).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"id": "ee-zz-energy", "version": 1, "title": "With nobody", "parties": ["EE", "ZZ", "Narnia"],
                         "sectors": ["energy"], "incidentClasses": ["availability"], "minimumSeverity": "low",
                         "maxTlp": "AMBER", "dataCategories": ["operational"], "validFrom": "2026-01-01T00:00:00Z",
                         "status": "active"}""")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "parties[1]", "message", "ZZ is not a registered state"),
                        Map.of("field", "parties[2]", "message", "must be an ISO 3166-1 alpha-2 code such as EE")));
        asCoordinator(http.get().uri("/api/v1/reference/agreements/ee-zz-energy")).exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldRefuseAWebhookInAnInternalNetworkWhenItsChainIsSaved() {
        // When a coordinator gives Latvia's chain webhooks at a private, the cloud metadata, a multicast and a unique-local address
        putChain("LV", webhooks("https://10.20.30.40/hook", "https://169.254.169.254/latest/meta-data", "https://224.0.0.1/hook",
                "https://[fd12:3456::1]/hook"))

                // Then the chain is refused, naming each address's field and range
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "chain[0].channels[0].address", "message", REFUSED.formatted("10.0.0.0/8 (private)")),
                        Map.of("field", "chain[0].channels[1].address", "message", REFUSED.formatted("169.254.0.0/16 (link-local)")),
                        Map.of("field", "chain[0].channels[2].address", "message", REFUSED.formatted("224.0.0.0/4 (multicast)")),
                        Map.of("field", "chain[0].channels[3].address", "message", REFUSED.formatted("fc00::/7 (unique-local)"))));

        // And Latvia's chain is the seeded one still
        asCoordinator(http.get().uri("/api/v1/reference/contacts/LV")).exchange().expectStatus().isOk()
                .expectBody().json("""
                        {"state": "LV", "chain": [{"id": "lv-cert-duty", "name": "CERT.LV duty officer",
                          "channels": [{"type": "inbox"}]}]}""");
    }

    @Test
    void shouldRefuseATokenWhoseStateIsNoRegisteredState() {
        ReferenceStates.expectRefusedAsUnregistered(http.get().uri("/api/v1/alerts")
                .header("Authorization", TestTokens.bearer(AccessMatrix.UNREGISTERED_POC)).exchange());
    }

    private RestTestClient.BodyContentSpec inbox(String state) {
        return http.get().uri("/api/v1/alerts").header("Authorization", TestTokens.bearer("poc-" + state)).exchange()
                .expectStatus().isOk().expectBody();
    }

    private RestTestClient.BodyContentSpec alert(String state, String id) {
        return http.get().uri("/api/v1/alerts/" + id).header("Authorization", TestTokens.bearer("poc-" + state)).exchange()
                .expectStatus().isOk().expectBody();
    }

    private String alertId(String state, String incidentId) {
        List<?> ids = http.get().uri("/api/v1/alerts").header("Authorization", TestTokens.bearer("poc-" + state)).exchange()
                .expectBody(List.class).returnResult().getResponseBody().stream()
                .filter(alert -> incidentId.equals(((Map<?, ?>) alert).get("incidentId")))
                .map(alert -> ((Map<?, ?>) alert).get("id"))
                .toList();
        assertThat(ids).hasSize(1);
        return (String) ids.get(0);
    }

    private void acknowledge(String state, String alertId) {
        http.post().uri("/api/v1/alerts/" + alertId + "/acknowledgement").header("Authorization", TestTokens.bearer("poc-" + state))
                .exchange().expectStatus().isAccepted();
        await().atMost(WAIT).untilAsserted(() -> alert(state, alertId).jsonPath("$.status").isEqualTo("acknowledged"));
    }

    private static <T extends SpecificRecord> Predicate<ConsumerRecord<String, SpecificRecord>> of(Class<T> type, Predicate<T> test) {
        return record -> type.isInstance(record.value()) && test.test(type.cast(record.value()));
    }

    private static IncidentReported incident(String incidentId) {
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("event-" + incidentId, REPORTED_AT, "test", null))
                .setIncidentId(incidentId)
                .setReportingState("EE")
                .setReporter("ee-poc")
                .setDetectedAt(REPORTED_AT.minusSeconds(900))
                .setReportedAt(REPORTED_AT)
                .setSector(Sector.ENERGY)
                .setIncidentClass(IncidentClass.AVAILABILITY)
                .setSeverity(Severity.HIGH)
                .setTlp(Tlp.AMBER)
                .setTitle("Substation control lost")
                .setSummary("Remote terminal units of three substations stopped answering.")
                .setIndicators(List.of("198.51.100.23"))
                .setPersonalData(PersonalData.newBuilder().setNames(List.of("Shift engineer")).build())
                .setAffectedStates(List.of("LV"))
                .build();
    }

    /** platform's StreamThreadConfiguration reaches every application the binder builds. */
    @Test
    void shouldReplaceAStreamThreadThatDiesInEveryKafkaStreamsApplication() {
        assertThat(streamsApplications).hasSize(5).allSatisfy(application ->
                assertThat(ReflectionTestUtils.getField(application, "kafkaStreamsCustomizer")).isInstanceOf(StreamThreadReplacement.class));
    }

    private RestTestClient.ResponseSpec putChain(String state, Map<String, Object> contact) {
        return asCoordinator(http.put().uri("/api/v1/reference/contacts/" + state)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("state", state, "chain", List.of(contact))).exchange();
    }

    private static Map<String, Object> webhooks(String... addresses) {
        return Map.of("id", "duty", "name", "Duty officer", "channels",
                Stream.of(addresses).map(address -> Map.of("type", "webhook", "address", address)).toList());
    }

    private static <S extends RestTestClient.RequestHeadersSpec<?>> S asCoordinator(S request) {
        request.header("Authorization", TestTokens.bearer("coordinator"));
        return request;
    }
}
