package org.entente.exercise;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.entente.testing.TestTokens;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * With its Kafka out of reach, a replay hangs on its first call to the broker: the next one waits
 * in the queue (here one place long) and the one after is refused with 503, and not kept. The
 * context closes after the class, dropping the replay that waits; the one that hangs fails 15 s
 * after it started, and closes its Kafka clients.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = ExerciseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ExerciseServiceApplication.CONFIG_NAME,
                // Nothing listens there; nothing is provisioned there either.
                "spring.kafka.bootstrap-servers=127.0.0.1:9",
                "spring.kafka.admin.auto-create=false",
                // Kafka refuses an API timeout shorter than the request timeout.
                "spring.kafka.properties.request.timeout.ms=10000",
                "spring.kafka.properties.default.api.timeout.ms=15000",
                "entente.exercises.queue-capacity=1"})
@DirtiesContext
class ReplayQueueIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void shouldQueueOneReplayBehindTheRunningOneAndRefuseTheNext() {
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.bearer("planner")).build();

        for (int started = 0; started < 2; started++) {
            http.post().uri("/api/v1/exercises?mode=simulated").contentType(MediaType.APPLICATION_YAML).body(ExerciseFixtures.SAMPLE_YAML)
                    .exchange().expectStatus().isAccepted();
        }
        http.post().uri("/api/v1/exercises?mode=simulated").contentType(MediaType.APPLICATION_YAML).body(ExerciseFixtures.SAMPLE_YAML)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("The replay queue is full (1 waiting); start this one when a replay has finished.");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/api/v1/exercises").exchange()
                .expectBody().jsonPath("$[*].status").isEqualTo(List.of("queued", "running")));
    }
}
