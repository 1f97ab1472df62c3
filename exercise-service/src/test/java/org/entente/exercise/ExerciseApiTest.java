package org.entente.exercise;

import java.util.List;
import java.util.Map;

import org.entente.exercise.runs.Exercises;
import org.entente.exercise.scenario.internal.YamlReaderTest;
import org.entente.testing.TestTokens;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the planners' API answers that does not depend on a replay: scenario checks, refused
 * modes and bodies, and reports asked for too early. Shares the matrix test's context.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = ExerciseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ExerciseServiceApplication.CONFIG_NAME)
class ExerciseApiTest {

    static final String BROKEN = """
            name: Broken
            participants: [EE, FI]
            reference: live
            injects:
              - id: one
                at: soon
                reportingState: EE
            """;

    @LocalServerPort
    int port;

    @Autowired
    Exercises exercises;

    RestTestClient http;

    @BeforeEach
    void signInAsAPlanner() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.bearer("planner")).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/yaml", "text/yaml", "text/plain"})
    void shouldSummariseAValidScenarioSentAsYamlOrText(String contentType) {
        http.post().uri("/api/v1/exercises/validations").contentType(MediaType.parseMediaType(contentType))
                .body(ExerciseFixtures.SAMPLE_YAML)
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"name": "Baltic grid ransomware", "participants": ["EE", "FI", "LV", "LT", "SE", "NO", "DK"],
                         "injects": 5, "expectations": 11}""");
    }

    @Test
    void shouldListEveryErrorOfAScenarioWithItsLineColumnAndKeyPath() {
        http.post().uri("/api/v1/exercises/validations").contentType(MediaType.APPLICATION_YAML).body(BROKEN)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().json("""
                        {"type": "https://entente.example.org/problems/invalid-scenario", "title": "Invalid scenario",
                         "status": 422, "detail": "3 errors in the scenario.", "instance": "/api/v1/exercises/validations",
                         "errors": [
                           {"line": 1, "column": 1, "path": "objectives", "message": "is required"},
                           {"line": 5, "column": 5, "path": "injects[0].incident", "message": "is required"},
                           {"line": 6, "column": 9, "path": "injects[0].at", "message": "must be an offset such as +2h30m or +45s"}]}""",
                        JsonCompareMode.STRICT);
    }

    @Test
    void shouldRefuseABillionLaughsNamingTheLimitAndGoOnServing() {
        // Given 332 bytes of aliases of aliases, about 387 million values expanded

        // When they are sent for a check
        RestTestClient.ResponseSpec refused = http.post().uri("/api/v1/exercises/validations")
                .contentType(MediaType.APPLICATION_YAML).body(YamlReaderTest.BILLION_LAUGHS)
                .exchange();

        // Then they are refused with the limit they passed, and the next scenario is checked as ever
        refused.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().json("""
                        {"type": "https://entente.example.org/problems/scenario-over-limit", "title": "Scenario over a limit",
                         "status": 400, "instance": "/api/v1/exercises/validations",
                         "detail": "The scenario has more than 300000 keys and values with its aliases expanded (the limit).",
                         "errors": [{"line": 2, "column": 12, "path": "",
                                     "message": "has more than 300000 keys and values with its aliases expanded (the limit)"}]}""",
                        JsonCompareMode.STRICT);
        http.post().uri("/api/v1/exercises/validations").contentType(MediaType.APPLICATION_YAML).body(ExerciseFixtures.SAMPLE_YAML)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Baltic grid ransomware");
    }

    @Test
    void shouldRefuseAnUnknownModeAndALiveSpeedSlowerThanRealTime() {
        http.post().uri("/api/v1/exercises?mode=live&speed=0.5").contentType(MediaType.APPLICATION_YAML).body(ExerciseFixtures.SAMPLE_YAML)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "speed", "message", "must be from 1 (real time) to 3600")));
        http.post().uri("/api/v1/exercises?mode=fast").contentType(MediaType.APPLICATION_YAML).body(ExerciseFixtures.SAMPLE_YAML)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors").isEqualTo(List.of(
                        Map.of("field", "mode", "message", "must be one of simulated, live")));
    }

    @Test
    void shouldRefuseAScenarioThatIsNotYamlOrText() {
        http.post().uri("/api/v1/exercises/validations").contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"Drill\"}")
                .exchange()
                .expectStatus().isEqualTo(415);
    }

    @Test
    void shouldHaveNoReportBeforeTheExerciseFinishedNorAfterItFailed() {
        for (String exercise : List.of(ExerciseFixtures.queued(exercises, "planner"), ExerciseFixtures.failed(exercises, "planner"))) {
            http.get().uri("/api/v1/exercises/" + exercise + "/report").accept(MediaType.TEXT_MARKDOWN)
                    .exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void shouldSayWhyAnExerciseFailed() {
        String exercise = ExerciseFixtures.failed(exercises, "planner");

        http.get().uri("/api/v1/exercises/" + exercise).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"id": "%s", "name": "Baltic grid ransomware", "mode": "simulated", "status": "failed",
                         "createdAt": "2026-11-27T09:00:00Z", "finishedAt": "2026-11-27T09:01:00Z",
                         "failure": "Kafka failed: Timeout expired while fetching topic metadata"}""".formatted(exercise), JsonCompareMode.STRICT);
    }

    @Test
    void shouldOfferTheReportAsJsonMarkdownOrHtmlOnly() {
        String exercise = ExerciseFixtures.finished(exercises, "planner");

        http.get().uri("/api/v1/exercises/" + exercise + "/report").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/json;charset=UTF-8");
        http.get().uri("/api/v1/exercises/" + exercise + "/report").accept(MediaType.APPLICATION_XML).exchange()
                .expectStatus().isEqualTo(406);
    }

    @Test
    void shouldNotFindAnExerciseThatDoesNotExist() {
        http.get().uri("/api/v1/exercises/exercise-missing").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No exercise exercise-missing.");
    }
}
