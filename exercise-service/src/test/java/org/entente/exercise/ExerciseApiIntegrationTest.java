package org.entente.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.entente.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The planners' API replaying through a real notification-service on the test broker, both in
 * this JVM: a sample scenario goes in, and out comes its report with every expectation passed, in
 * JSON, Markdown and HTML byte for byte what the command line writes; the same sample plays live;
 * a malformed scenario is refused with where it is wrong, and nothing is replayed.
 */
@WithNotificationService
class ExerciseApiIntegrationTest {

    static final Duration REPLAY = Duration.ofMinutes(3);

    static ConfigurableApplicationContext exerciseService;
    static RestTestClient http;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @LocalServerPort
    int notificationServicePort;

    @BeforeAll
    static void startExerciseService() {
        exerciseService = new SpringApplicationBuilder(ExerciseServiceApplication.class)
                .profiles("test")
                .properties(ExerciseServiceApplication.CONFIG_NAME)
                // An argument, not a default property, which would lose to the service's own port.
                .run("--server.port=0");
        http = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + exerciseService.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("Authorization", TestTokens.bearer("planner"))
                .build();
    }

    @AfterAll
    static void stopExerciseService() {
        exerciseService.close();
    }

    @BeforeEach
    void awaitTheNotificationService() {
        NotificationServiceReadiness.awaitReady(notificationServicePort);
    }

    @Test
    void shouldReplayASampleAndReportEveryExpectationPassedAsTheCommandLineDoes(@TempDir Path commandLineReport)
            throws IOException {
        URI exercise = http.post().uri("/api/v1/exercises?mode=simulated").contentType(MediaType.APPLICATION_YAML)
                .body(ExerciseFixtures.SAMPLE_YAML)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("queued")
                .returnResult().getResponseHeaders().getLocation();

        Map<String, Object> ended = await().atMost(REPLAY).pollInterval(Duration.ofMillis(500))
                .until(() -> get(exercise), state -> !Set.of("queued", "running").contains(state.get("status")));

        assertThat(ended).containsEntry("status", "finished").containsEntry("name", "Baltic grid ransomware")
                .containsEntry("mode", "simulated").containsEntry("failure", null);
        assertThat(ended.get("finishedAt")).isNotNull();
        assertThat(startedExercises()).anySatisfy(listed -> assertThat(((Map<?, ?>) listed).get("id")).isEqualTo(ended.get("id")));
        http.get().uri(exercise + "/report").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.expectations.passed").isEqualTo(11)
                .jsonPath("$.expectations.failed").isEqualTo(0)
                .jsonPath("$.expectations.results[*].passed")
                .value(passed -> assertThat((List<?>) passed).hasSize(11).allMatch(Boolean.TRUE::equals));

        assertThat(runOnTheCommandLine(commandLineReport)).isZero();
        assertThat(report(exercise, MediaType.APPLICATION_JSON)).isEqualTo(Files.readString(commandLineReport.resolve("report.json")));
        assertThat(report(exercise, MediaType.TEXT_MARKDOWN)).isEqualTo(Files.readString(commandLineReport.resolve("report.md")));
        assertThat(report(exercise, MediaType.TEXT_HTML)).isEqualTo(Files.readString(commandLineReport.resolve("report.html")));
    }

    /** An hour of scenario time a second: the sample's five injects and their answers in a few seconds. */
    @Test
    void shouldPlayASampleLiveOnTheWallClock() {
        URI exercise = http.post().uri("/api/v1/exercises?mode=live&speed=3600").contentType(MediaType.APPLICATION_YAML)
                .body(ExerciseFixtures.SAMPLE_YAML)
                .exchange()
                .expectStatus().isAccepted()
                .returnResult().getResponseHeaders().getLocation();

        Map<String, Object> ended = await().atMost(REPLAY).pollInterval(Duration.ofMillis(500))
                .until(() -> get(exercise), state -> !Set.of("queued", "running").contains(state.get("status")));

        assertThat(ended).containsEntry("status", "finished").containsEntry("mode", "live").containsEntry("failure", null);
        http.get().uri(exercise + "/report").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.timelines").isNotEmpty();
    }

    @Test
    void shouldRefuseAMalformedScenarioWithWhereItIsWrongAndReplayNothing() {
        int exercisesBefore = startedExercises().size();

        http.post().uri("/api/v1/exercises?mode=simulated").contentType(MediaType.APPLICATION_YAML)
                .body("""
                        name: Unfinished
                        participants: [EE, FI
                        """)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid scenario")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].line").isEqualTo(3)
                .jsonPath("$.errors[0].column").isEqualTo(1)
                .jsonPath("$.errors[0].path").isEqualTo("")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).startsWith("is not valid YAML"));

        assertThat(startedExercises()).hasSize(exercisesBefore);
    }

    private static Map<String, Object> get(URI exercise) {
        return http.get().uri(exercise).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    private static List<?> startedExercises() {
        return http.get().uri("/api/v1/exercises").exchange().expectBody(List.class).returnResult().getResponseBody();
    }

    /** The report as the API sends it, in UTF-8 as its content type says. */
    private static String report(URI exercise, MediaType type) {
        byte[] body = http.get().uri(exercise + "/report").accept(type).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(new MediaType(type, StandardCharsets.UTF_8))
                .expectBody(byte[].class).returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    private int runOnTheCommandLine(Path out) {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new ExerciseCommand(discard, discard).execute("run", ExerciseFixtures.SAMPLE.toString(), "--bootstrap-servers", bootstrapServers,
                "--out", out.toString());
    }
}
