package org.entente.exercise.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.entente.exercise.report.ReportBuilder;
import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner with replayers that stand in for the pipeline: what it records, in which order, and what it refuses. */
class ExerciseRunnerTest {

    static final Scenario SCENARIO = ScenarioParser.parse(Path.of("src/main/resources/org/entente/exercise/samples/grid-ransomware.yml"));
    static final Instant NOW = Instant.parse("2026-11-27T09:12:34Z");
    static final Duration WAIT = Duration.ofSeconds(10);

    final Exercises exercises = new Exercises(10);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final CountDownLatch release = new CountDownLatch(1);
    ExerciseRunner runner;

    @AfterEach
    void stopRunner() {
        release.countDown();
        runner.close();
    }

    @Test
    void shouldReplayInTheBackgroundFromTheMinuteItStartsAndKeepTheReport() {
        List<Instant> starts = new ArrayList<>();
        runner = runner(1, (scenario, exerciseId, start, speed) -> {
            starts.add(start);
            return List.of();
        });

        Exercise exercise = runner.start("planner", SCENARIO, Mode.SIMULATED, 1);

        assertThat(exercise.status()).isEqualTo(Exercise.Status.QUEUED);
        assertThat(exercise.id()).startsWith("exercise-");
        await().atMost(WAIT).until(() -> status(exercise) == Exercise.Status.FINISHED);
        Exercise finished = exercises.find("planner", exercise.id()).orElseThrow();
        assertThat(finished.report()).isEqualTo(ReportBuilder.build(SCENARIO, List.of()));
        assertThat(finished.finishedAt()).isEqualTo(NOW);
        assertThat(starts).containsExactly(Instant.parse("2026-11-27T09:12:00Z"));
        assertThat(meters.counter("entente.exercises.replays", "mode", "simulated", "result", "finished").count()).isEqualTo(1);
    }

    @Test
    void shouldRunOneReplayAtATimeAndRefuseOneBeyondTheQueue() {
        runner = runner(1, (scenario, exerciseId, start, speed) -> {
            awaitRelease();
            return List.of();
        });

        Exercise first = runner.start("planner", SCENARIO, Mode.SIMULATED, 1);
        Exercise second = runner.start("planner", SCENARIO, Mode.SIMULATED, 1);

        await().atMost(WAIT).until(() -> status(first) == Exercise.Status.RUNNING);
        assertThat(status(second)).isEqualTo(Exercise.Status.QUEUED);
        assertThatThrownBy(() -> runner.start("planner", SCENARIO, Mode.SIMULATED, 1))
                .isInstanceOf(ReplayQueueFullException.class)
                .hasMessage("The replay queue is full (1 waiting); start this one when a replay has finished.");
        assertThat(exercises.startedBy("planner")).extracting(Exercise::id).containsExactly(second.id(), first.id());

        release.countDown();
        await().atMost(WAIT).until(() -> status(second) == Exercise.Status.FINISHED);
    }

    @Test
    void shouldRecordWhyAReplayFailedAndGoOn() {
        runner = runner(1, (scenario, exerciseId, start, speed) -> {
            throw new IllegalStateException("a bug");
        });

        Exercise exercise = runner.start("planner", SCENARIO, Mode.SIMULATED, 1);

        await().atMost(WAIT).until(() -> status(exercise) == Exercise.Status.FAILED);
        Exercise failed = exercises.find("planner", exercise.id()).orElseThrow();
        assertThat(failed.failure()).isEqualTo("the replay stopped on an unexpected error; the service's log has the details");
        assertThat(failed.report()).isNull();
        assertThat(meters.counter("entente.exercises.replays", "mode", "simulated", "result", "failed").count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAModeItHasNoReplayerFor() {
        runner = runner(1, (scenario, exerciseId, start, speed) -> List.of());

        assertThatThrownBy(() -> runner.start("planner", SCENARIO, Mode.LIVE, 1))
                .isInstanceOf(ModeNotAvailableException.class)
                .hasMessage("Replays in live mode are not available.");
        assertThat(exercises.startedBy("planner")).isEmpty();
    }

    private ExerciseRunner runner(int queueCapacity, Replayer simulated) {
        return new ExerciseRunner(exercises, Map.of(Mode.SIMULATED, simulated), queueCapacity, Clock.fixed(NOW, ZoneOffset.UTC),
                meters);
    }

    private Exercise.Status status(Exercise exercise) {
        return exercises.find("planner", exercise.id()).orElseThrow().status();
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
