package org.entente.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.entente.events.IncidentReported;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.schemas.Topics;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.entente.testing.WithReferenceStates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Updates of an incident on a real broker: a label is raised, never lowered; named recipients only
 * narrow; only the reporting state's PoC may update. Each refused update publishes nothing, which
 * the next accepted one shows: it is the only record after the report.
 */
@WithKafkaBroker
@WithReferenceStates
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = IncidentServiceApplication.CONFIG_NAME)
class IncidentUpdateIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void shouldPublishTheNextRevisionWithTheRaisedLabelAndShowItInTheView() {
        // Given an AMBER+STRICT incident named to LV and FI
        String id = reportAndAwait(IncidentApiIntegrationTest.report());

        // When Estonia raises it to RED for FI only, with a new summary and an indicator
        update("poc-ee", id, Map.of("tlp", "RED", "namedRecipients", List.of("FI"), "severity", "high",
                "summary", "Exfiltration confirmed.", "indicators", List.of("CVE-2026-1234", "evil.example")))
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/v1/incidents/" + id)
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.revision").isEqualTo(1);

        // Then the topic has the report and revision 1, the incident's whole content under a new event id
        List<IncidentReported> revisions = revisionsOnTheTopic(id, 2);
        IncidentReported report = revisions.get(0);
        IncidentReported raised = revisions.get(1);
        assertThat(raised.getMetadata().getEventId()).isNotEqualTo(report.getMetadata().getEventId());
        assertThat(raised).isEqualTo(IncidentReported.newBuilder(report)
                .setMetadata(raised.getMetadata())
                .setRevision(1)
                .setTlp(Tlp.RED)
                .setNamedRecipients(List.of("FI"))
                .setSeverity(Severity.HIGH)
                .setSummary("Exfiltration confirmed.")
                .setIndicators(List.of("203.0.113.9", "CVE-2026-1234", "evil.example"))
                .build());
        // and the view shows it
        await().atMost(WAIT).untilAsserted(() -> get("poc-ee", id).expectStatus().isOk().expectBody()
                .jsonPath("$.revision").isEqualTo(1)
                .jsonPath("$.tlp").isEqualTo("RED")
                .jsonPath("$.severity").isEqualTo("high")
                .jsonPath("$.summary").isEqualTo("Exfiltration confirmed.")
                .jsonPath("$.namedRecipients").isEqualTo(List.of("FI"))
                .jsonPath("$.title").isEqualTo("Hospital records system breached"));

        // When the same update comes again (a retry), it changes nothing and publishes nothing
        update("poc-ee", id, Map.of("tlp", "RED", "summary", "Exfiltration confirmed."))
                .expectStatus().isAccepted().expectBody().jsonPath("$.revision").isEqualTo(1);
        update("poc-ee", id, Map.of("severity", "critical")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.revision").isEqualTo(2);
        assertThat(revisionsOnTheTopic(id, 3)).extracting(IncidentReported::getRevision).containsExactly(0, 1, 2);
    }

    @Test
    void shouldRefuseToLowerTheLabelNamingBothLabelsAndPublishNothing() {
        String id = reportAndAwait(IncidentApiIntegrationTest.report());

        update("poc-ee", id, Map.of("tlp", "GREEN", "summary", "Not so bad after all."))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://entente.example.org/problems/tlp-lowered")
                .jsonPath("$.title").isEqualTo("TLP label lowered")
                .jsonPath("$.detail").isEqualTo("The incident is TLP:AMBER+STRICT. A label can only be raised, never lowered: "
                        + "TLP:GREEN is refused.");

        thenTheNextAcceptedUpdateIsTheOnlyRevision(id);
    }

    @Test
    void shouldRefuseToWidenNamedRecipients() {
        String id = reportAndAwait(IncidentApiIntegrationTest.report());

        update("poc-ee", id, Map.of("namedRecipients", List.of("LV", "FI", "SE")))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://entente.example.org/problems/named-recipients-widened")
                .jsonPath("$.detail").isEqualTo("The incident is named to LV, FI only. Named recipients can only be narrowed: "
                        + "adding SE is refused.");
        update("poc-ee", id, Map.of("namedRecipients", List.of()))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://entente.example.org/problems/named-recipients-widened");

        thenTheNextAcceptedUpdateIsTheOnlyRevision(id);
    }

    @Test
    void shouldRefuseRedWithoutNamedRecipientsAsIntakeDoes() {
        Map<String, Object> unnamed = new HashMap<>(IncidentApiIntegrationTest.report());
        unnamed.remove("namedRecipients");
        String id = reportAndAwait(unnamed);

        update("poc-ee", id, Map.of("tlp", "RED"))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("namedRecipients"))
                .jsonPath("$.errors[0].message").isEqualTo("is required for TLP:RED");

        thenTheNextAcceptedUpdateIsTheOnlyRevision(id);
    }

    @Test
    void shouldNotFindAnotherStatesIncidentNorAnUnknownOneAndRefuseOtherRoles() {
        String id = reportAndAwait(IncidentApiIntegrationTest.report());
        Map<String, Object> raise = Map.of("tlp", "RED");

        String anotherStates = update("poc-fi", id, raise).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        String unknown = update("poc-fi", "no-such-incident", raise).expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(anotherStates.replace(id, "ID")).isEqualTo(unknown.replace("no-such-incident", "ID"));
        for (String role : List.of("coordinator", "operator", "planner", "oversight")) {
            update(role, id, raise).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        thenTheNextAcceptedUpdateIsTheOnlyRevision(id);
    }

    @Test
    void shouldRefuseUnknownFieldsAndEmptyOrBadValues() {
        String id = reportAndAwait(IncidentApiIntegrationTest.report());

        update("poc-ee", id, Map.of("title", "Renamed")).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("title")
                .jsonPath("$.errors[0].message").isEqualTo("is not a known field");
        update("poc-ee", id, Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must carry at least one of tlp, severity, summary, indicators, namedRecipients");
        update("poc-ee", id, Map.of("tlp", "PURPLE", "summary", " ", "namedRecipients", List.of("Finland")))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("namedRecipients[0]", "summary", "tlp"));
        update("poc-ee", id, Map.of("namedRecipients", List.of("FI", "ZZ"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "namedRecipients[1]", "message", "ZZ is not a registered state")));

        thenTheNextAcceptedUpdateIsTheOnlyRevision(id);
    }

    /** Refused updates publish nothing: an accepted one after them is revision 1, right after the report. */
    private void thenTheNextAcceptedUpdateIsTheOnlyRevision(String id) {
        update("poc-ee", id, Map.of("severity", "medium")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.revision").isEqualTo(1);
        List<IncidentReported> revisions = revisionsOnTheTopic(id, 2);
        assertThat(revisions).extracting(IncidentReported::getRevision, IncidentReported::getSeverity)
                .containsExactly(tuple(0, Severity.CRITICAL), tuple(1, Severity.MEDIUM));
        assertThat(revisions.get(1).getTlp()).isEqualTo(revisions.get(0).getTlp());
    }

    private String reportAndAwait(Map<String, Object> report) {
        String id = (String) http.post().uri("/api/v1/incidents").header("Authorization", TestTokens.bearer("poc-ee"))
                .contentType(MediaType.APPLICATION_JSON).body(report)
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        await().atMost(WAIT).untilAsserted(() -> get("poc-ee", id).expectStatus().isOk());
        return id;
    }

    private RestTestClient.ResponseSpec update(String caller, String id, Map<String, Object> body) {
        return http.post().uri("/api/v1/incidents/" + id + "/updates").header("Authorization", TestTokens.bearer(caller))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec get(String caller, String id) {
        return http.get().uri("/api/v1/incidents/" + id).header("Authorization", TestTokens.bearer(caller)).exchange();
    }

    /** The incident's records on its topic, in order, once there are {@code count}. */
    private static List<IncidentReported> revisionsOnTheTopic(String id, int count) {
        List<ConsumerRecord<String, SpecificRecord>> records = TopicProbe.read(Topics.INCIDENTS.name(),
                record -> id.equals(record.key()), found -> found.size() >= count, WAIT);
        return records.stream().map(record -> (IncidentReported) record.value()).toList();
    }
}
