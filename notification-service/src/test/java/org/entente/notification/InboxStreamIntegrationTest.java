package org.entente.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.schemas.Topics;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The live inbox on a real broker: PoCs of two states hold GET /api/v1/alerts/stream open; an
 * alert for one of them is announced on its stream only (alert id and status), and its
 * acknowledgement too. A caller holds a limited number of streams at a time. Shares the matrix
 * test's context (same configuration).
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = {NotificationServiceApplication.class, NotificationPipelineIntegrationTest.ClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NotificationServiceApplication.CONFIG_NAME,
                "entente.reference-data.file=src/test/resources/reference-data-test.yml"})
class InboxStreamIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${entente.inbox.max-streams-per-caller}")
    int maxStreamsPerCaller;

    RestTestClient http;
    EventStream estonia;
    EventStream latvia;

    @BeforeEach
    void openStreams() throws Exception {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/readyz").exchange().expectStatus().isOk());
        estonia = EventStream.open(stream(), "poc-ee");
        latvia = EventStream.open(stream(), "poc-lv");
    }

    @AfterEach
    void closeStreams() {
        estonia.close();
        latvia.close();
    }

    @Test
    void shouldAnnounceAnAlertAndItsAcknowledgementOnlyOnTheStreamsOfItsRecipientState() {
        String incidentId = "INC-STREAM-" + UUID.randomUUID();
        TopicProbe.write(Topics.INCIDENTS.name(), incidentId, swedishHospitalIncident(incidentId));

        await().atMost(WAIT).until(() -> alertOfEstonia(incidentId) != null);
        String alertId = alertOfEstonia(incidentId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(estonia.events())
                .contains(Map.of("id", alertId, "status", "delivered")));

        http.post().uri("/api/v1/alerts/" + alertId + "/acknowledgement").header("Authorization", TestTokens.bearer("poc-ee"))
                .exchange().expectStatus().isAccepted();

        await().atMost(WAIT).untilAsserted(() -> assertThat(estonia.events())
                .contains(Map.of("id", alertId, "status", "acknowledged")));
        assertThat(estonia.events()).filteredOn(event -> event.get("id").equals(alertId)).containsExactly(
                Map.of("id", alertId, "status", "delivered"),
                Map.of("id", alertId, "status", "acknowledged"));
        // One consumer thread writes to every stream in turn: Latvia's had its chance before Estonia's last event.
        assertThat(latvia.events()).noneMatch(event -> event.get("id").equals(alertId));
        assertThat(latvia.isOpen()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseACallerMoreStreamsThanAllowedUntilOneOfThemEnds() throws Exception {
        // Given Lithuania's PoC with as many streams open as it may
        List<EventStream> lithuania = new ArrayList<>();
        try {
            for (int i = 0; i < maxStreamsPerCaller; i++) {
                lithuania.add(EventStream.open(stream(), "poc-lt"));
            }

            // When it opens one more
            HttpResponse<String> refused = HttpClient.newHttpClient().send(streamRequest(stream(), "poc-lt"),
                    HttpResponse.BodyHandlers.ofString());

            // Then that one is refused, a problem detail saying when to retry, and Sweden's PoC may still open one
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            Map<String, Object> problem = JSON.readValue(refused.body(), Map.class);
            assertThat(problem).containsEntry("status", 429).containsEntry("title", "Too many streams")
                    .containsEntry("detail", tooManyStreams(maxStreamsPerCaller));
            // as the API description shows it (with the default limit, four streams)
            Map<String, Object> documented = new HashMap<>(problem);
            documented.put("detail", tooManyStreams(4));
            assertThat(documentedRefusalOfOneStreamTooMany()).isEqualTo(documented);
            EventStream.open(stream(), "poc-se").close();

            // When it closes one of its streams
            lithuania.remove(0).close();

            // Then it may open another, once the service noticed (at a heartbeat, a second here)
            await().atMost(WAIT).until(() -> EventStream.tryOpen(stream(), "poc-lt").map(lithuania::add).orElse(false));
            assertThat(lithuania).hasSize(maxStreamsPerCaller);
        } finally {
            lithuania.forEach(EventStream::close);
        }
    }

    private static String tooManyStreams(int streams) {
        return "This caller has " + streams + " live inbox streams open, the most it may; close one before opening another.";
    }

    /** The example of GET /api/v1/alerts/stream's 429 in /v3/api-docs (notification-service-api-examples.json). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> documentedRefusalOfOneStreamTooMany() {
        String description = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        return JSON.convertValue(JSON.readTree(description)
                .at("/paths/~1api~1v1~1alerts~1stream/get/responses/429/content/application~1problem+json/example"), Map.class);
    }

    private URI stream() {
        return URI.create("http://localhost:" + port + "/api/v1/alerts/stream");
    }

    static HttpRequest streamRequest(URI uri, String caller) {
        return HttpRequest.newBuilder(uri).header("Authorization", TestTokens.bearer(caller))
                .header("Accept", "text/event-stream").build();
    }

    private String alertOfEstonia(String incidentId) {
        List<?> alerts = http.get().uri("/api/v1/alerts").header("Authorization", TestTokens.bearer("poc-ee")).exchange()
                .expectBody(List.class).returnResult().getResponseBody();
        return alerts.stream().map(alert -> (Map<?, ?>) alert).filter(alert -> incidentId.equals(alert.get("incidentId")))
                .map(alert -> (String) alert.get("id")).findFirst().orElse(null);
    }

    private static IncidentReported swedishHospitalIncident(String incidentId) {
        var now = NotificationPipelineIntegrationTest.CLOCK.instant();
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("event-" + incidentId, now, "test", null))
                .setIncidentId(incidentId).setReportingState("SE").setReporter("se-poc")
                .setDetectedAt(now).setReportedAt(now)
                .setSector(Sector.HEALTH).setIncidentClass(IncidentClass.INTRUSIONS).setSeverity(Severity.HIGH)
                .setTlp(Tlp.GREEN).setTitle("Hospital network intrusion").setSummary("Lateral movement seen in a regional hospital.")
                .build();
    }

    /** A text/event-stream read line by line in the background; the JSON data of its "alert" events. */
    static final class EventStream {

        private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
        private final Stream<String> lines;
        /** Taken before the reader starts: a stream closed first would refuse to give one out. */
        private final Iterator<String> pending;
        private final Thread reader;
        private volatile boolean closed;

        private EventStream(Stream<String> lines) {
            this.lines = lines;
            this.pending = lines.iterator();
            this.reader = new Thread(this::read, "test-event-stream");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(URI uri, String caller) throws Exception {
            return tryOpen(uri, caller).orElseThrow(() -> new AssertionError("the stream of " + caller + " was refused (429)"));
        }

        /** Empty if the service refused the stream as one too many (429). */
        static Optional<EventStream> tryOpen(URI uri, String caller) throws Exception {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(streamRequest(uri, caller),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() == 429) {
                response.body().close();
                return Optional.empty();
            }
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            return Optional.of(new EventStream(response.body()));
        }

        @SuppressWarnings("unchecked")
        private void read() {
            String event = null;
            try {
                while (pending.hasNext()) {
                    String line = pending.next();
                    if (line.startsWith("event:")) {
                        event = line.substring("event:".length()).strip();
                    } else if (line.startsWith("data:") && "alert".equals(event)) {
                        events.add(JSON.readValue(line.substring("data:".length()), Map.class));
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }
            } catch (UncheckedIOException failed) {
                // A stream the test closed ends the read so; Awaitility would report it from this thread as a failure.
                if (!closed) {
                    throw failed;
                }
            }
        }

        List<Map<String, Object>> events() {
            return List.copyOf(events);
        }

        boolean isOpen() {
            return reader.isAlive();
        }

        void close() {
            closed = true;
            lines.close();
        }
    }
}
