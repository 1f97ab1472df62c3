package org.entente.exercise.runs;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.entente.exercise.replay.ReplayException;
import org.entente.exercise.report.AfterActionReport;
import org.entente.exercise.report.ReportBuilder;
import org.entente.exercise.scenario.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts planners' exercises: each is queued, then replayed in the background with the replayer
 * of its mode, and its report or the reason it failed kept in {@link Exercises}. Replays run one
 * at a time, as each one waits on the whole pipeline's consumer groups; at most
 * {@code queueCapacity} wait behind the one running. Scenario time starts at the minute the
 * replay starts.
 */
public final class ExerciseRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExerciseRunner.class);
    private static final String UNEXPECTED = "the replay stopped on an unexpected error; the service's log has the details";

    private final Exercises exercises;
    private final Map<Mode, Replayer> replayers;
    private final int queueCapacity;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor executor;

    public ExerciseRunner(Exercises exercises, Map<Mode, Replayer> replayers, int queueCapacity, Clock clock,
            MeterRegistry meters) {
        this.exercises = exercises;
        this.replayers = Map.copyOf(replayers);
        this.queueCapacity = queueCapacity;
        this.clock = clock;
        this.meters = meters;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
                ExerciseRunner::replayThread);
    }

    /**
     * Queues the replay of {@code scenario} for {@code owner}, played in {@code mode} at
     * {@code speed} (see {@link Replayer}); the exercise as queued.
     *
     * @throws ModeNotAvailableException when no replayer plays {@code mode}
     * @throws ReplayQueueFullException when the queue is full
     */
    public Exercise start(String owner, Scenario scenario, Mode mode, double speed) {
        Replayer replayer = replayers.get(mode);
        if (replayer == null) {
            throw new ModeNotAvailableException(mode);
        }
        Exercise exercise = Exercise.queued("exercise-" + UUID.randomUUID(), owner, scenario.name(), mode, clock.instant());
        exercises.add(exercise);
        try {
            executor.execute(() -> replay(exercise, scenario, replayer, speed));
        } catch (RejectedExecutionException e) {
            exercises.remove(exercise.id());
            throw new ReplayQueueFullException(queueCapacity);
        }
        return exercise;
    }

    private void replay(Exercise exercise, Scenario scenario, Replayer replayer, double speed) {
        exercises.replace(exercise.running());
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        try {
            AfterActionReport report = ReportBuilder.build(scenario, replayer.replay(scenario, exercise.id(), start, speed));
            end(exercise.finished(report, clock.instant()));
        } catch (ReplayException e) {
            end(exercise.failed(e.getMessage(), clock.instant()));
        } catch (RuntimeException e) {
            // A background task's exception would otherwise vanish and leave the exercise running for ever.
            log.error("Replay of {} stopped on an unexpected error", exercise.id(), e);
            end(exercise.failed(UNEXPECTED, clock.instant()));
        }
    }

    private void end(Exercise ended) {
        exercises.replace(ended);
        meters.counter("entente.exercises.replays", "mode", ended.mode().label(), "result", ended.status().label()).increment();
    }

    /**
     * Drops the replays waiting. The one running, if any, is left to end or to stop with the JVM (its
     * thread is a daemon): an interrupted Kafka client can fail to close and leave its threads behind.
     */
    @Override
    public void close() {
        executor.getQueue().clear();
        executor.shutdown();
    }

    private static Thread replayThread(Runnable replay) {
        Thread thread = new Thread(replay, "exercise-replay");
        thread.setDaemon(true);
        return thread;
    }
}
