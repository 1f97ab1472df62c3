package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.entente.events.AgreementRef;
import org.entente.events.DataCategory;
import org.entente.events.DisclosureRecorded;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.PersonalData;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.notification.routing.AlertComposer;
import org.entente.schemas.Topics;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The disclosure ledger on a real broker, as oversight reads it: every alert in every inbox has
 * exactly one ledger entry, and the three ledger queries return exactly the entries they should,
 * in order. Shares its Spring context (and so its Kafka Streams applications) with
 * {@link NotificationPipelineIntegrationTest}: two contexts with the same application ids would
 * split the partitions between them. Its incidents are reported on days no other test uses, and
 * every query here names that period.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = {NotificationServiceApplication.class, NotificationPipelineIntegrationTest.ClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=src/test/resources/reference-data-test.yml"})
class DisclosureLedgerIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Unhurried polling: every caller may read 1,200 times a minute. */
    static final Duration POLL = Duration.ofMillis(250);
    static final Instant DAY = Instant.parse("2026-10-05T00:00:00Z");
    static final String PERIOD = "&from=2026-10-05T00:00:00Z&to=2026-10-06T00:00:00Z";
    static final List<String> STATES = List.of("EE", "FI", "LV", "LT", "SE");
    static final String MOU = "Bilateral MoU 2026, Art. 4";
    static final String GDPR = "GDPR Art. 9(2)(i)";
    static final List<String> OPERATIONAL_AND_INDICATORS = List.of("operational", "indicators");

    record WithheldJson(String category, String reason) {
    }

    record DisclosureJson(String alertId, String incidentId, String reportingState, String recipientState, String agreement,
            int agreementVersion, String tlp, List<String> disclosed, List<WithheldJson> withheld, String legalBasis,
            Instant disclosedAt, boolean exercise) {
    }

    record RecipientJson(String recipientState, String alertId, String agreement, int agreementVersion, String legalBasis,
            Instant disclosedAt) {
    }

    record WithheldAlertJson(String alertId, String incidentId, String reportingState, String recipientState,
            String agreement, int agreementVersion, Instant disclosedAt, List<WithheldJson> withheld) {
    }

    /** One alert as (recipient state, alert id, incident id): what inboxes and ledger are compared on. */
    record Delivery(String recipientState, String alertId, String incidentId) {
    }

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/readyz").exchange().expectStatus().isOk());
    }

    /**
     * The one place that knows how a test caller authenticates: a signed token from the test
     * issuer for a caller named as in {@link TestTokens} ({@code oversight}, {@code poc-ee},
     * {@code coordinator}, …).
     */
    private static String auth(String caller) {
        return TestTokens.bearer(caller);
    }

    @Test
    void shouldRecordExactlyOneLedgerEntryPerAlertAndAnswerOversightQueries() {
        // Given four incidents: A's personal data may go to Finland under a bilateral MoU; B's may not
        // (Baltic energy has no legal basis); C's goes to Sweden under GDPR, its indicators may not;
        // D (Finland's) carries no personal data.
        String a = "INC-A-" + UUID.randomUUID();
        String b = "INC-B-" + UUID.randomUUID();
        String c = "INC-C-" + UUID.randomUUID();
        String d = "INC-D-" + UUID.randomUUID();
        Instant atA = DAY.plus(Duration.ofHours(9));
        Instant atB = DAY.plus(Duration.ofHours(10));
        Instant atC = DAY.plus(Duration.ofHours(11));
        Instant atD = DAY.plus(Duration.ofHours(12));
        report(incident(a, "EE", atA, Sector.ENERGY, IncidentClass.AVAILABILITY, Severity.LOW, Tlp.GREEN, true));
        report(incident(b, "EE", atB, Sector.ENERGY, IncidentClass.AVAILABILITY, Severity.HIGH, Tlp.AMBER, true));
        report(incident(c, "EE", atC, Sector.HEALTH, IncidentClass.INTRUSIONS, Severity.MEDIUM, Tlp.AMBER, true));
        report(incident(d, "FI", atD, Sector.ENERGY, IncidentClass.INTRUSIONS, Severity.HIGH, Tlp.CLEAR, false));
        List<String> incidents = List.of(a, b, c, d);
        List<Delivery> expected = List.of(
                delivery("FI", a),
                delivery("FI", b), delivery("LV", b), delivery("LT", b),
                delivery("SE", c),
                delivery("EE", d), delivery("LV", d), delivery("LT", d));

        // When every alert has reached its inbox and the ledger
        await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> assertThat(inboxes(incidents))
                .containsExactlyInAnyOrderElementsOf(expected));
        await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> assertThat(ledger(incidents))
                .containsExactlyInAnyOrderElementsOf(expected));

        // Then every alert in the inboxes has exactly one ledger entry, on the topic and in the store
        List<Delivery> inboxes = inboxes(incidents);
        assertThat(ledger(incidents)).containsExactlyInAnyOrderElementsOf(inboxes);
        assertThat(ledgerTopic(incidents, inboxes.size())).containsExactlyInAnyOrderElementsOf(inboxes);

        // and the disclosures of a recipient are exactly its entries, in the order they were disclosed
        DisclosureJson aToFinland = new DisclosureJson(alertId(a, "FI"), a, "EE", "FI", "ee-fi-energy", 2, "GREEN",
                List.of("operational", "indicators", "personal-data"), List.of(), MOU, atA, false);
        DisclosureJson bToFinland = new DisclosureJson(alertId(b, "FI"), b, "EE", "FI", "baltic-energy", 1, "AMBER",
                OPERATIONAL_AND_INDICATORS, List.of(notUnderBaltic()), null, atB, false);
        assertThat(disclosures("recipient=FI" + PERIOD)).containsExactly(aToFinland, bToFinland);
        assertThat(disclosures("recipient=LT" + PERIOD)).containsExactly(
                new DisclosureJson(alertId(b, "LT"), b, "EE", "LT", "baltic-energy", 1, "AMBER",
                        OPERATIONAL_AND_INDICATORS, List.of(notUnderBaltic()), null, atB, false),
                new DisclosureJson(alertId(d, "LT"), d, "FI", "LT", "baltic-energy", 1, "CLEAR",
                        OPERATIONAL_AND_INDICATORS, List.of(), null, atD, false));
        assertThat(disclosures("recipient=SE" + PERIOD)).containsExactly(
                new DisclosureJson(alertId(c, "SE"), c, "EE", "SE", "ee-se-health", 1, "AMBER",
                        List.of("operational", "personal-data"),
                        List.of(new WithheldJson("indicators", "not permitted under ee-se-health v1")), GDPR, atC, false));
        assertThat(disclosures("recipient=EE" + PERIOD)).containsExactly(
                new DisclosureJson(alertId(d, "EE"), d, "FI", "EE", "baltic-energy", 1, "CLEAR",
                        OPERATIONAL_AND_INDICATORS, List.of(), null, atD, false));
        // an agreement narrows them; the period is from inclusive, to exclusive
        assertThat(disclosures("recipient=FI&agreement=baltic-energy" + PERIOD)).containsExactly(bToFinland);
        assertThat(disclosures("recipient=LV&agreement=ee-fi-energy" + PERIOD)).isEmpty();
        assertThat(disclosures("recipient=FI&from=" + atA + "&to=" + atB)).containsExactly(aToFinland);
        assertThat(disclosures("recipient=FI&from=" + atB + "&to=" + atC)).containsExactly(bToFinland);

        // and personal data went exactly where an agreement with a legal basis let it
        assertThat(personalDataRecipients(a)).containsExactly(new RecipientJson("FI", alertId(a, "FI"), "ee-fi-energy", 2, MOU, atA));
        assertThat(personalDataRecipients(b)).isEmpty();
        assertThat(personalDataRecipients(c)).containsExactly(new RecipientJson("SE", alertId(c, "SE"), "ee-se-health", 1, GDPR, atC));
        assertThat(personalDataRecipients(d)).isEmpty();

        // and every withheld category is listed with its reason, per alert
        assertThat(withheld("recipient=FI" + PERIOD)).containsExactly(
                new WithheldAlertJson(alertId(b, "FI"), b, "EE", "FI", "baltic-energy", 1, atB, List.of(notUnderBaltic())));
        assertThat(withheld("recipient=LV" + PERIOD)).containsExactly(
                new WithheldAlertJson(alertId(b, "LV"), b, "EE", "LV", "baltic-energy", 1, atB, List.of(notUnderBaltic())));
        assertThat(withheld("recipient=SE" + PERIOD)).containsExactly(
                new WithheldAlertJson(alertId(c, "SE"), c, "EE", "SE", "ee-se-health", 1, atC,
                        List.of(new WithheldJson("indicators", "not permitted under ee-se-health v1"))));
        assertThat(withheld("recipient=EE" + PERIOD)).isEmpty();
    }

    @Test
    void shouldKeepTheFirstEntryWhenTheLedgerRepeatsAnAlert() {
        // Given an incident whose personal data went to Finland, on a day of its own
        Instant at = Instant.parse("2026-10-08T09:00:00Z");
        String period = "&from=2026-10-08T00:00:00Z&to=2026-10-09T00:00:00Z";
        String incidentId = "INC-E-" + UUID.randomUUID();
        report(incident(incidentId, "EE", at, Sector.ENERGY, IncidentClass.AVAILABILITY, Severity.LOW, Tlp.GREEN, true));
        DisclosureJson recorded = new DisclosureJson(alertId(incidentId, "FI"), incidentId, "EE", "FI", "ee-fi-energy", 2,
                "GREEN", List.of("operational", "indicators", "personal-data"), List.of(), MOU, at, false);
        await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> assertThat(disclosures("recipient=FI" + period))
                .containsExactly(recorded));

        // When the ledger topic carries a different entry for the same alert, then a later one
        String sentinel = "sentinel-" + UUID.randomUUID();
        TopicProbe.write(Topics.DISCLOSURES.name(), "FI", disclosure(alertId(incidentId, "FI"), incidentId, at, "rewritten"));
        TopicProbe.write(Topics.DISCLOSURES.name(), "FI", disclosure(sentinel, "INC-sentinel", at.plusSeconds(60), MOU));
        await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> assertThat(disclosures("recipient=FI" + period))
                .extracting(DisclosureJson::alertId).containsExactly(recorded.alertId(), sentinel));

        // Then the store kept what was recorded first: it only ever adds
        assertThat(disclosures("recipient=FI" + period).get(0)).isEqualTo(recorded);
        assertThat(personalDataRecipients(incidentId)).containsExactly(
                new RecipientJson("FI", recorded.alertId(), "ee-fi-energy", 2, MOU, at));
    }

    @Test
    void shouldLetOnlyOversightReadTheLedger() {
        List<String> endpoints = List.of(
                "/api/v1/ledger/disclosures?recipient=FI",
                "/api/v1/ledger/incidents/INC-1/personal-data-recipients",
                "/api/v1/ledger/withheld?recipient=FI");
        for (String endpoint : endpoints) {
            http.get().uri(endpoint).header("Authorization", auth("oversight")).exchange().expectStatus().isOk();
            for (String caller : List.of("poc-ee", "poc-fi", "coordinator", "operator", "planner")) {
                http.get().uri(endpoint).header("Authorization", auth(caller)).exchange().expectStatus().isForbidden();
            }
            http.get().uri(endpoint).exchange().expectStatus().isUnauthorized();
            http.get().uri(endpoint).header("Authorization", TestTokens.forgedBearer()).exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void shouldNameEveryBadParameter() {
        badRequest("/api/v1/ledger/disclosures", List.of("recipient"));
        badRequest("/api/v1/ledger/disclosures?recipient=ee&agreement=Baltic_Energy&from=yesterday&to=2026-10-05T00:00:00Z",
                List.of("agreement", "from", "recipient"));
        badRequest("/api/v1/ledger/disclosures?recipient=EE&from=2026-10-06T00:00:00Z&to=2026-10-05T00:00:00Z", List.of("to"));
        badRequest("/api/v1/ledger/withheld?recipient=&to=tomorrow", List.of("recipient", "to"));
    }

    @Test
    void shouldRefuseARecipientThatIsNoRegisteredStateNamingIt() {
        for (String uri : List.of("/api/v1/ledger/disclosures?recipient=ZZ", "/api/v1/ledger/withheld?recipient=ZZ" + PERIOD)) {
            http.get().uri(uri).header("Authorization", auth("oversight")).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                            Map.of("field", "recipient", "message", "ZZ is not a registered state")));
        }
    }

    private void badRequest(String uri, List<String> fields) {
        http.get().uri(uri).header("Authorization", auth("oversight")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(fields);
    }

    private List<DisclosureJson> disclosures(String query) {
        return get("/api/v1/ledger/disclosures?" + query, new ParameterizedTypeReference<>() {
        });
    }

    private List<RecipientJson> personalDataRecipients(String incidentId) {
        return get("/api/v1/ledger/incidents/" + incidentId + "/personal-data-recipients", new ParameterizedTypeReference<>() {
        });
    }

    private List<WithheldAlertJson> withheld(String query) {
        return get("/api/v1/ledger/withheld?" + query, new ParameterizedTypeReference<>() {
        });
    }

    private <T> List<T> get(String uri, ParameterizedTypeReference<List<T>> type) {
        return http.get().uri(uri).header("Authorization", auth("oversight")).exchange()
                .expectStatus().isOk()
                .expectBody(type).returnResult().getResponseBody();
    }

    /** The alerts of these incidents in every state's inbox, as each state's point of contact sees them. */
    private List<Delivery> inboxes(List<String> incidents) {
        List<Delivery> found = new ArrayList<>();
        for (String state : STATES) {
            String caller = "poc-" + state.toLowerCase(Locale.ROOT);
            List<Map<String, Object>> inbox = http.get().uri("/api/v1/alerts").header("Authorization", auth(caller)).exchange()
                    .expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }).returnResult().getResponseBody();
            inbox.stream().filter(alert -> incidents.contains(alert.get("incidentId")))
                    .forEach(alert -> found.add(new Delivery(state, (String) alert.get("id"), (String) alert.get("incidentId"))));
        }
        return found;
    }

    /** The ledger entries of these incidents, as oversight reads them for every state. */
    private List<Delivery> ledger(List<String> incidents) {
        return STATES.stream().flatMap(state -> disclosures("recipient=" + state + PERIOD).stream())
                .filter(entry -> incidents.contains(entry.incidentId()))
                .map(entry -> new Delivery(entry.recipientState(), entry.alertId(), entry.incidentId()))
                .toList();
    }

    /**
     * The ledger topic's entries of these incidents: read until the expected number arrived and for
     * one second more, so that a duplicate would show.
     */
    private static List<Delivery> ledgerTopic(List<String> incidents, int expected) {
        Predicate<List<ConsumerRecord<String, SpecificRecord>>> expectedAndSettled = new Predicate<>() {
            Instant complete;

            @Override
            public boolean test(List<ConsumerRecord<String, SpecificRecord>> found) {
                if (complete == null && found.size() >= expected) {
                    complete = Instant.now();
                }
                return complete != null && Instant.now().isAfter(complete.plusSeconds(1));
            }
        };
        return TopicProbe.read(Topics.DISCLOSURES.name(),
                        record -> record.value() instanceof DisclosureRecorded entry && incidents.contains(entry.getIncidentId()),
                        expectedAndSettled, WAIT).stream()
                .map(record -> {
                    DisclosureRecorded entry = (DisclosureRecorded) record.value();
                    assertThat(record.key()).isEqualTo(entry.getRecipientState());
                    return new Delivery(entry.getRecipientState(), entry.getAlertId(), entry.getIncidentId());
                })
                .toList();
    }

    private static WithheldJson notUnderBaltic() {
        return new WithheldJson("personal-data", "not permitted under baltic-energy v1");
    }

    private static Delivery delivery(String state, String incidentId) {
        return new Delivery(state, alertId(incidentId, state), incidentId);
    }

    private static String alertId(String incidentId, String state) {
        return AlertComposer.alertId(incidentId, state);
    }

    private static void report(IncidentReported incident) {
        TopicProbe.write(Topics.INCIDENTS.name(), incident.getIncidentId(), incident);
    }

    private static IncidentReported incident(String incidentId, String reporter, Instant reportedAt, Sector sector,
            IncidentClass incidentClass, Severity severity, Tlp tlp, boolean personalData) {
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("event-" + incidentId, reportedAt, "test", null))
                .setIncidentId(incidentId)
                .setReportingState(reporter)
                .setReporter(reporter.toLowerCase(Locale.ROOT) + "-poc")
                .setDetectedAt(reportedAt.minusSeconds(600))
                .setReportedAt(reportedAt)
                .setSector(sector)
                .setIncidentClass(incidentClass)
                .setSeverity(severity)
                .setTlp(tlp)
                .setTitle("Incident " + incidentId)
                .setSummary("What happened in " + incidentId)
                .setIndicators(List.of("203.0.113.9"))
                .setPersonalData(personalData ? PersonalData.newBuilder().setNames(List.of("Duty engineer")).build() : null)
                .setAffectedStates(List.of(reporter))
                .build();
    }

    /** A ledger entry written straight to the topic, as a repeated or a later record would arrive. */
    private static DisclosureRecorded disclosure(String alertId, String incidentId, Instant at, String legalBasis) {
        return DisclosureRecorded.newBuilder()
                .setMetadata(new EventMetadata("event-" + UUID.randomUUID(), at, "test", null))
                .setAlertId(alertId)
                .setIncidentId(incidentId)
                .setReportingState("EE")
                .setRecipientState("FI")
                .setAgreement(new AgreementRef("ee-fi-energy", 2))
                .setLegalBasis(legalBasis)
                .setTlp(Tlp.GREEN)
                .setDisclosed(List.of(DataCategory.OPERATIONAL, DataCategory.PERSONAL_DATA))
                .setWithheld(List.of())
                .setDisclosedAt(at)
                .build();
    }
}
