package org.entente.exercise.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ExercisesTest {

    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void shouldListAPlannersOwnExercisesNewestFirst() {
        Exercises exercises = new Exercises(10);
        exercises.add(queued("first", "planner"));
        exercises.add(queued("theirs", "another-planner"));
        exercises.add(queued("second", "planner"));

        assertThat(exercises.startedBy("planner")).extracting(Exercise::id).containsExactly("second", "first");
        assertThat(exercises.startedBy("another-planner")).extracting(Exercise::id).containsExactly("theirs");
    }

    @Test
    void shouldFindAnotherPlannersExerciseNoMoreThanAMissingOne() {
        Exercises exercises = new Exercises(10);
        exercises.add(queued("theirs", "another-planner"));

        assertThat(exercises.find("planner", "theirs")).isEmpty();
        assertThat(exercises.find("planner", "missing")).isEmpty();
        assertThat(exercises.find("another-planner", "theirs")).map(Exercise::id).contains("theirs");
    }

    @Test
    void shouldForgetTheOldestEndedExercisesBeyondWhatItRetainsButNeverOneStillGoing() {
        Exercises exercises = new Exercises(3);
        exercises.add(queued("running", "planner").running());
        exercises.add(queued("finished", "planner").finished(null, NOW));
        exercises.add(queued("failed", "planner").failed("Kafka failed", NOW));
        exercises.add(queued("queued", "planner"));
        exercises.add(queued("newest", "planner"));

        assertThat(exercises.startedBy("planner")).extracting(Exercise::id).containsExactly("newest", "queued", "running");
    }

    @Test
    void shouldRecordANewStatus() {
        Exercises exercises = new Exercises(10);
        Exercise exercise = queued("drill", "planner");
        exercises.add(exercise);

        exercises.replace(exercise.running());

        assertThat(exercises.find("planner", "drill")).map(Exercise::status).contains(Exercise.Status.RUNNING);
    }

    private static Exercise queued(String id, String owner) {
        return Exercise.queued(id, owner, "Drill " + id, Mode.SIMULATED, NOW);
    }
}
