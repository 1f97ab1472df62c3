package org.entente.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.schemas.Topics;
import org.entente.testing.AccessMatrix;
import org.entente.testing.ManagementPort;
import org.entente.testing.ReferenceStates;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.entente.testing.WithReferenceStates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

@WithKafkaBroker
@WithReferenceStates
@ExtendWith(OutputCaptureExtension.class)
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = IncidentServiceApplication.CONFIG_NAME)
class IncidentApiIntegrationTest {

    static final String EE_POC = "poc-ee";
    static final String FI_POC = "poc-fi";
    static final String COORDINATOR = "coordinator";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    static Map<String, Object> report() {
        return Map.ofEntries(
                Map.entry("detectedAt", Instant.now().minusSeconds(3600).toString()),
                Map.entry("sector", "health"),
                Map.entry("incidentClass", "intrusions"),
                Map.entry("severity", "critical"),
                Map.entry("tlp", "AMBER+STRICT"),
                Map.entry("title", "Hospital records system breached"),
                Map.entry("summary", "Patient database exfiltrated through a VPN appliance."),
                Map.entry("indicators", List.of("203.0.113.9", "CVE-2026-1234")),
                Map.entry("personalData", Map.of("names", List.of("Chief physician on call"))),
                Map.entry("affectedStates", List.of("LV")),
                Map.entry("namedRecipients", List.of("LV", "FI")));
    }

    @Test
    void shouldPublishAnAcceptedReportAndReadItBackForTheReportingStateOnly() {
        Instant before = Instant.now();
        Map<?, ?> accepted = http.post().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer(EE_POC))
                .contentType(MediaType.APPLICATION_JSON)
                .body(report())
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/v1/incidents/[0-9a-f-]{36}")
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) accepted.get("id");

        List<ConsumerRecord<String, SpecificRecord>> records = TopicProbe.read(Topics.INCIDENTS.name(),
                record -> id.equals(record.key()), found -> !found.isEmpty(), Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        IncidentReported event = (IncidentReported) records.get(0).value();
        assertThat(event.getReportingState()).isEqualTo("EE");
        assertThat(event.getReporter()).isEqualTo("ee-poc");
        assertThat(event.getSector()).isEqualTo(Sector.HEALTH);
        assertThat(event.getIncidentClass()).isEqualTo(IncidentClass.INTRUSIONS);
        assertThat(event.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(event.getTlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(event.getPersonalData().getNames()).containsExactly("Chief physician on call");
        assertThat(event.getNamedRecipients()).containsExactly("LV", "FI");
        assertThat(event.getReportedAt()).isBetween(before.minusMillis(1), Instant.now());
        assertThat(event.getMetadata().getProducer()).isEqualTo("incident-service");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> http.get().uri("/api/v1/incidents/" + id)
                .header("Authorization", TestTokens.bearer(EE_POC))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.reportingState").isEqualTo("EE")
                .jsonPath("$.tlp").isEqualTo("AMBER+STRICT")
                .jsonPath("$.sector").isEqualTo("health")
                .jsonPath("$.personalData.names[0]").isEqualTo("Chief physician on call"));
        http.get().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer(EE_POC))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')].title").isEqualTo("Hospital records system breached");

        http.get().uri("/api/v1/incidents/" + id)
                .header("Authorization", TestTokens.bearer(FI_POC))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer(FI_POC))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')]").isEmpty();
    }

    @Test
    void shouldAnswerABadReportWithAProblemNamingEveryBadField() {
        Map<String, Object> bad = Map.of("sector", "nuclear", "tlp", "RED", "title", "t", "summary", "s",
                "incidentClass", "fraud", "severity", "low");

        http.post().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer(EE_POC))
                .contentType(MediaType.APPLICATION_JSON)
                .body(bad)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.detail").isEqualTo("3 fields are invalid.")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("detectedAt", "namedRecipients", "sector"));
    }

    @Test
    void shouldRefuseAReportNamingStatesNobodyRegisteredAndNameThem() {
        // Given a report whose affected states and named recipients include ZZ and XK, which are no registered states
        Map<String, Object> naming = new HashMap<>(report());
        naming.put("affectedStates", List.of("LV", "ZZ"));
        naming.put("namedRecipients", List.of("XK", "FI"));

        // Then it is refused, naming each code
        postReport(EE_POC, naming)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "affectedStates[1]", "message", "ZZ is not a registered state"),
                        Map.of("field", "namedRecipients[0]", "message", "XK is not a registered state")));
    }

    @Test
    void shouldRefuseAReporterWhoseTokenNamesNoRegisteredState() {
        // Given a valid token of the point of contact of ZZ, which is not a registered state
        String unregistered = AccessMatrix.UNREGISTERED_POC;

        // Then its report is forbidden, saying why, and so is reading incidents
        ReferenceStates.expectRefusedAsUnregistered(postReport(unregistered, report()));
        ReferenceStates.expectRefusedAsUnregistered(http.get().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer(unregistered)).exchange());
    }

    @Test
    void shouldAnswerUnreadableJsonWithTheFieldThatCouldNotBeRead() {
        http.post().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer(EE_POC))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"detectedAt\": \"yesterday\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("detectedAt");
    }

    @Test
    void shouldRefuseCallersWithoutTokenOrWithAnotherRole() {
        http.post().uri("/api/v1/incidents").contentType(MediaType.APPLICATION_JSON).body(report())
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/incidents").header("Authorization", "Bearer forged")
                .contentType(MediaType.APPLICATION_JSON).body(report())
                .exchange().expectStatus().isUnauthorized();
        for (String token : List.of(COORDINATOR, "operator", "planner", "oversight")) {
            http.post().uri("/api/v1/incidents").header("Authorization", TestTokens.bearer(token))
                    .contentType(MediaType.APPLICATION_JSON).body(report())
                    .exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            http.get().uri("/api/v1/incidents").header("Authorization", TestTokens.bearer(token))
                    .exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void shouldRefuseABodyOverTheLimitDeclaredOrNot() throws Exception {
        String huge = "{\"title\": \"" + "x".repeat(300_000) + "\"}";

        http.post().uri("/api/v1/incidents").header("Authorization", TestTokens.bearer(EE_POC))
                .contentType(MediaType.APPLICATION_JSON).body(huge)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://localhost:" + port + "/api/v1/incidents"))
                        .header("Authorization", TestTokens.bearer(EE_POC))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("larger than 262144 bytes");
    }

    @Test
    void shouldRefuseUnknownFieldsRatherThanIgnoreThem() {
        Map<String, Object> withExtra = new HashMap<>(report());
        withExtra.put("reportingState", "FI");

        http.post().uri("/api/v1/incidents").header("Authorization", TestTokens.bearer(EE_POC))
                .contentType(MediaType.APPLICATION_JSON).body(withExtra)
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("reportingState")
                .jsonPath("$.errors[0].message").isEqualTo("is not a known field");
    }

    @Test
    void shouldNeverLogTheCallersToken(CapturedOutput output) {
        String token = TestTokens.token(EE_POC);
        http.post().uri("/api/v1/incidents").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(report()).exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> http.get().uri("/api/v1/incidents/missing")
                .header("Authorization", "Bearer " + token).exchange().expectStatus().isNotFound());
        http.post().uri("/api/v1/incidents").header("Authorization", "Bearer " + token + "x")
                .contentType(MediaType.APPLICATION_JSON).body(report()).exchange().expectStatus().isUnauthorized();

        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void shouldLeaveHealthOpenForProbes() {
        http.get().uri("/readyz").exchange().expectStatus().isOk();
    }

    @Test
    void shouldServeMetricsAndHealthDetailsOnTheManagementPortOnly() {
        new ManagementPort(port, managementPort).assertActuatorOnlyOnManagementPort();
    }

    private RestTestClient.ResponseSpec postReport(String caller, Map<String, Object> body) {
        return http.post().uri("/api/v1/incidents").header("Authorization", TestTokens.bearer(caller))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
