package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.testing.AccessMatrix.onlyRoles;
import static org.entente.testing.AccessMatrix.ownStateOnly;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.schemas.Topics;
import org.entente.testing.AccessMatrix;
import org.entente.testing.AccessMatrix.Rule;
import org.entente.testing.ManagementPort;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Every endpoint × every kind of caller. Changes by permitted callers are harmless: the same
 * state and contact chain again, an agreement version already in force (409 — past authorisation).
 * Shares the pipeline test's context (same configuration).
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = {NotificationServiceApplication.class, NotificationPipelineIntegrationTest.ClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=src/test/resources/reference-data-test.yml"})
class AuthorizationMatrixTest {

    static final String FI_CHAIN = """
            {"state": "FI", "chain": [
              {"id": "fi-ncsc-duty", "name": "NCSC-FI duty officer", "channels": [{"type": "inbox"}]},
              {"id": "fi-ncsc-head", "name": "NCSC-FI head of operations", "channels": [{"type": "inbox"}]}]}""";
    static final String AGREEMENT_IN_FORCE = """
            {"id": "ee-fi-energy", "version": 2, "title": "Estonia-Finland grid operators", "parties": ["EE", "FI"],
             "sectors": ["energy"], "incidentClasses": ["availability"], "minimumSeverity": "low", "maxTlp": "RED",
             "dataCategories": ["operational"], "validFrom": "2026-01-01T00:00:00Z", "status": "active"}""";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApplicationContext context;

    RestTestClient http;
    String incidentId;
    String finlandsAlert;
    String finlandsCheck;

    @BeforeEach
    void giveFinlandAnAlert() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/readyz").exchange()
                .expectStatus().isOk());
        incidentId = "INC-MATRIX-" + UUID.randomUUID();
        TopicProbe.write(Topics.INCIDENTS.name(), incidentId, IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("event-" + incidentId, NotificationPipelineIntegrationTest.CLOCK.instant(), "test", null))
                .setIncidentId(incidentId).setReportingState("EE").setReporter("ee-poc")
                .setDetectedAt(NotificationPipelineIntegrationTest.CLOCK.instant())
                .setReportedAt(NotificationPipelineIntegrationTest.CLOCK.instant())
                .setSector(Sector.ENERGY).setIncidentClass(IncidentClass.AVAILABILITY).setSeverity(Severity.HIGH)
                .setTlp(Tlp.GREEN).setTitle("Matrix fixture").setSummary("An alert for Finland.")
                .build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alertOfFinland()).isNotNull());
        finlandsAlert = alertOfFinland();
    }

    /**
     * Finland's communication check that was open when first asked for (it was sent as soon as the
     * service knew Finland's contact chain): the same one for every caller, whoever acknowledges it.
     */
    private String finlandsCheck() {
        if (finlandsCheck == null) {
            finlandsCheck = await().atMost(Duration.ofSeconds(30)).until(this::openCheckOfFinland, id -> id != null);
        }
        return finlandsCheck;
    }

    private String openCheckOfFinland() {
        List<?> checks = http.get().uri("/api/v1/communication-checks").header("Authorization", TestTokens.bearer("poc-fi")).exchange()
                .expectBody(List.class).returnResult().getResponseBody();
        return checks.stream().map(check -> (Map<?, ?>) check).filter(check -> "open".equals(check.get("status")))
                .map(check -> (String) check.get("id")).findFirst().orElse(null);
    }

    private String alertOfFinland() {
        List<?> alerts = http.get().uri("/api/v1/alerts").header("Authorization", TestTokens.bearer("poc-fi")).exchange()
                .expectBody(List.class).returnResult().getResponseBody();
        return alerts.stream().map(alert -> (Map<?, ?>) alert).filter(alert -> incidentId.equals(alert.get("incidentId")))
                .map(alert -> (String) alert.get("id")).findFirst().orElse(null);
    }

    List<Rule> rules() {
        return Stream.concat(Stream.of(
                new Rule("GET /api/v1/alerts", c -> c.get().uri("/api/v1/alerts"), onlyRoles(200, "poc")),
                // Any state's PoC may open its own live inbox (judged on its status alone: AccessMatrix).
                new Rule("GET /api/v1/alerts/stream", c -> c.get().uri("/api/v1/alerts/stream"), onlyRoles(200, "poc")),
                new Rule("GET /api/v1/alerts/{id}", c -> c.get().uri("/api/v1/alerts/" + finlandsAlert), ownStateOnly("FI", 200)),
                new Rule("POST /api/v1/alerts/{id}/acknowledgement",
                        c -> c.post().uri("/api/v1/alerts/" + finlandsAlert + "/acknowledgement"), ownStateOnly("FI", 202)),
                new Rule("POST /api/v1/alerts/{id}/responses", c -> c.post().uri("/api/v1/alerts/" + finlandsAlert + "/responses")
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of("kind", "initial-assessment", "text", "Contained.")),
                        ownStateOnly("FI", 202)),
                new Rule("GET /api/v1/communication-checks", c -> c.get().uri("/api/v1/communication-checks"), onlyRoles(200, "poc")),
                new Rule("POST /api/v1/communication-checks/{id}/acknowledgement",
                        c -> c.post().uri("/api/v1/communication-checks/" + finlandsCheck() + "/acknowledgement"), ownStateOnly("FI", 202)),
                new Rule("GET /api/v1/reference/states", c -> c.get().uri("/api/v1/reference/states"), onlyRoles(200, "coordinator")),
                new Rule("PUT /api/v1/reference/states/{code}", c -> c.put().uri("/api/v1/reference/states/EE")
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of("code", "EE", "name", "Estonia")),
                        onlyRoles(202, "coordinator")),
                new Rule("GET /api/v1/reference/contacts/{state}", c -> c.get().uri("/api/v1/reference/contacts/FI"),
                        onlyRoles(200, "coordinator")),
                new Rule("PUT /api/v1/reference/contacts/{state}", c -> c.put().uri("/api/v1/reference/contacts/FI")
                        .contentType(MediaType.APPLICATION_JSON).body(FI_CHAIN), onlyRoles(202, "coordinator")),
                new Rule("GET /api/v1/reference/agreements", c -> c.get().uri("/api/v1/reference/agreements"),
                        onlyRoles(200, "coordinator")),
                new Rule("GET /api/v1/reference/agreements/{id}", c -> c.get().uri("/api/v1/reference/agreements/ee-fi-energy"),
                        onlyRoles(200, "coordinator")),
                new Rule("PUT /api/v1/reference/agreements/{id}", c -> c.put().uri("/api/v1/reference/agreements/ee-fi-energy")
                        .contentType(MediaType.APPLICATION_JSON).body(AGREEMENT_IN_FORCE), onlyRoles(409, "coordinator")),
                new Rule("GET /api/v1/ledger/disclosures", c -> c.get().uri("/api/v1/ledger/disclosures?recipient=FI"),
                        onlyRoles(200, "oversight")),
                new Rule("GET /api/v1/ledger/incidents/{incidentId}/personal-data-recipients",
                        c -> c.get().uri("/api/v1/ledger/incidents/" + incidentId + "/personal-data-recipients"),
                        onlyRoles(200, "oversight")),
                new Rule("GET /api/v1/ledger/withheld", c -> c.get().uri("/api/v1/ledger/withheld?recipient=FI"),
                        onlyRoles(200, "oversight"))),
                AccessMatrix.apiDocs().stream()).toList();
    }

    @Test
    void shouldHaveARuleForEveryEndpoint() {
        assertThat(rules().stream().map(Rule::endpoint).collect(Collectors.toSet()))
                .isEqualTo(AccessMatrix.endpointsOf(context));
    }

    @Test
    void shouldServeMetricsAndHealthDetailsOnTheManagementPortOnly() {
        new ManagementPort(port, managementPort).assertActuatorOnlyOnManagementPort();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        return AccessMatrix.tests(http, rules());
    }
}
