package org.entente.notification.lifecycle;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.entente.events.ExerciseClock;

/**
 * The time an alert lives in: this service's clock for real alerts, its exercise's scenario clock
 * for exercise alerts ({@code exercise.clocks.v1}). An exercise whose clock has not arrived yet
 * has no time: its alerts are delivered when issued and wait for the clock before any deadline
 * is checked.
 */
public final class ExerciseTime {

    private final Function<String, ExerciseClock> clocks;

    public ExerciseTime(Function<String, ExerciseClock> clocks) {
        this.clocks = clocks;
    }

    /** Scenario time of {@code exerciseId} at wall instant {@code wall}, if its clock is known. */
    public Optional<Instant> at(String exerciseId, Instant wall) {
        return Optional.ofNullable(clocks.apply(exerciseId)).map(clock -> scenarioTime(clock, wall));
    }

    /** Where a clock stands at {@code wall}: its scenario time, advanced at its rate since it was set. */
    static Instant scenarioTime(ExerciseClock clock, Instant wall) {
        long elapsed = wall.toEpochMilli() - clock.getSince().toEpochMilli();
        return clock.getScenarioTime().plusMillis(Math.round(elapsed * clock.getRate()));
    }

    /** Simulated replays stop the clock between the runner's steps. */
    static boolean running(ExerciseClock clock) {
        return clock.getRate() > 0;
    }
}
