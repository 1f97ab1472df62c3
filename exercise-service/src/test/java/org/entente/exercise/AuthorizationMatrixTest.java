package org.entente.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testing.AccessMatrix.onlyRoles;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.entente.exercise.runs.Exercises;
import org.entente.testing.AccessMatrix;
import org.entente.testing.AccessMatrix.Rule;
import org.entente.testing.WithKafkaBroker;
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

/**
 * Every endpoint × every kind of caller: planners only (everyone else 403), and another planner's
 * exercise is not found (404), as a missing one. The planner's start queues a real replay on the
 * test broker, which this test does not wait for.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(classes = ExerciseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ExerciseServiceApplication.CONFIG_NAME)
class AuthorizationMatrixTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Exercises exercises;

    RestTestClient http;
    String plannersExercise;
    String anotherPlannersExercise;

    @BeforeEach
    void finishAnExerciseForThePlannerAndOneForAnother() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        plannersExercise = ExerciseFixtures.finished(exercises, "planner");
        anotherPlannersExercise = ExerciseFixtures.finished(exercises, "another-planner");
    }

    List<Rule> rules() {
        return Stream.concat(Stream.of(
                new Rule("POST /api/v1/exercises/validations", c -> c.post().uri("/api/v1/exercises/validations")
                        .contentType(MediaType.APPLICATION_YAML).body(ExerciseFixtures.SAMPLE_YAML), onlyRoles(200, "planner")),
                new Rule("POST /api/v1/exercises", c -> c.post().uri("/api/v1/exercises?mode=simulated")
                        .contentType(MediaType.APPLICATION_YAML).body(ExerciseFixtures.SAMPLE_YAML), onlyRoles(202, "planner")),
                new Rule("GET /api/v1/exercises", c -> c.get().uri("/api/v1/exercises"), onlyRoles(200, "planner")),
                new Rule("GET /api/v1/exercises/{id}", c -> c.get().uri("/api/v1/exercises/" + plannersExercise),
                        onlyRoles(200, "planner")),
                new Rule("GET /api/v1/exercises/{id}", c -> c.get().uri("/api/v1/exercises/" + anotherPlannersExercise),
                        onlyRoles(404, "planner")),
                new Rule("GET /api/v1/exercises/{id}/report", c -> c.get().uri("/api/v1/exercises/" + plannersExercise + "/report"),
                        onlyRoles(200, "planner")),
                new Rule("GET /api/v1/exercises/{id}/report",
                        c -> c.get().uri("/api/v1/exercises/" + anotherPlannersExercise + "/report"), onlyRoles(404, "planner"))),
                AccessMatrix.apiDocs().stream()).toList();
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
