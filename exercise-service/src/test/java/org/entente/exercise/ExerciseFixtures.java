package org.entente.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.entente.exercise.report.ReportBuilder;
import org.entente.exercise.runs.Exercise;
import org.entente.exercise.runs.Exercises;
import org.entente.exercise.runs.Mode;
import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioParser;

/**
 * A sample scenario, and exercises of it put straight into a running service's memory, at any
 * status, without a replay: what the API answers about them does not depend on the pipeline.
 */
final class ExerciseFixtures {

    static final Path SAMPLE = Path.of("src/main/resources/org/entente/exercise/samples/grid-ransomware.yml");
    static final String SAMPLE_YAML = read(SAMPLE);
    static final Scenario SCENARIO = ScenarioParser.parse(SAMPLE);
    static final Instant CREATED = Instant.parse("2026-11-27T09:00:00Z");

    private ExerciseFixtures() {
    }

    /** The id of a new exercise of {@code owner}'s, finished with a report of nothing observed. */
    static String finished(Exercises exercises, String owner) {
        return add(exercises, queued(owner).finished(ReportBuilder.build(SCENARIO, List.of()), CREATED.plusSeconds(5)));
    }

    static String failed(Exercises exercises, String owner) {
        return add(exercises, queued(owner).failed("Kafka failed: Timeout expired while fetching topic metadata", CREATED.plusSeconds(60)));
    }

    static String queued(Exercises exercises, String owner) {
        return add(exercises, queued(owner));
    }

    private static Exercise queued(String owner) {
        return Exercise.queued("exercise-" + UUID.randomUUID(), owner, SCENARIO.name(), Mode.SIMULATED, CREATED);
    }

    private static String add(Exercises exercises, Exercise exercise) {
        exercises.add(exercise);
        return exercise.id();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
