package org.entente.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.testing.AccessMatrix.onlyRoles;
import static org.entente.testing.AccessMatrix.ownStateOnly;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.entente.testing.AccessMatrix;
import org.entente.testing.AccessMatrix.Rule;
import org.entente.testing.TestTokens;
import org.entente.testing.WithKafkaBroker;
import org.entente.testing.WithReferenceStates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every endpoint × every kind of caller: who may, who is refused (403), and whose objects are not found (404). */
@WithKafkaBroker
@WithReferenceStates
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = IncidentServiceApplication.CONFIG_NAME)
class AuthorizationMatrixTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    RestTestClient http;
    String estoniasIncident;

    @BeforeEach
    void reportAnEstonianIncident() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        estoniasIncident = (String) http.post().uri("/api/v1/incidents").header("Authorization", TestTokens.bearer("poc-ee"))
                .contentType(MediaType.APPLICATION_JSON).body(IncidentApiIntegrationTest.report())
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> http.get().uri("/api/v1/incidents/" + estoniasIncident)
                .header("Authorization", TestTokens.bearer("poc-ee")).exchange().expectStatus().isOk());
    }

    List<Rule> rules() {
        return Stream.concat(Stream.of(
                new Rule("POST /api/v1/incidents", client -> client.post().uri("/api/v1/incidents")
                        .contentType(MediaType.APPLICATION_JSON).body(reportAnyStateMayMake()),
                        onlyRoles(202, "poc")),
                new Rule("GET /api/v1/incidents/{id}", client -> client.get().uri("/api/v1/incidents/" + estoniasIncident),
                        ownStateOnly("EE", 200)),
                new Rule("GET /api/v1/incidents", client -> client.get().uri("/api/v1/incidents"),
                        onlyRoles(200, "poc")),
                new Rule("POST /api/v1/incidents/{id}/updates", client -> client.post()
                        .uri("/api/v1/incidents/" + estoniasIncident + "/updates")
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of("severity", "high")),
                        ownStateOnly("EE", 202))),
                AccessMatrix.apiDocs().stream()).toList();
    }

    /** The sample report names FI and LV as recipients, which their own PoCs may not do. */
    static Map<String, Object> reportAnyStateMayMake() {
        Map<String, Object> report = new HashMap<>(IncidentApiIntegrationTest.report());
        report.remove("namedRecipients");
        return report;
    }

    @Test
    void shouldHaveARuleForEveryEndpoint() {
        assertThat(rules().stream().map(Rule::endpoint).collect(Collectors.toSet()))
                .isEqualTo(AccessMatrix.endpointsOf(context));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        return AccessMatrix.tests(http, rules());
    }
}
