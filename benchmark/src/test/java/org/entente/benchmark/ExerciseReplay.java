package org.entente.benchmark;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.entente.exercise.generator.ScenarioGenerator;
import org.entente.exercise.replay.ReplaySettings;
import org.entente.exercise.replay.SimulatedReplay;
import org.entente.exercise.report.Observed;
import org.entente.exercise.report.ReportBuilder;
import org.entente.exercise.scenario.Scenario;

/**
 * A generated exercise scenario ({@link ScenarioGenerator}: one regional agreement over
 * {@value #STATES} states, so every inject reaches the other {@value #STATES} − 1) replayed in
 * simulated mode through the running services, from the first write to the last outcome read,
 * then checked: every expectation the generator wrote must pass.
 */
final class ExerciseReplay {

    static final String ID = "exercise-replay";
    static final int STATES = 12;
    private static final long SEED = 20261127L;

    private final String bootstrapServers;
    private final int injects;

    ExerciseReplay(String bootstrapServers, int injects) {
        this.bootstrapServers = bootstrapServers;
        this.injects = injects;
    }

    Measurement.Replay measure() {
        Scenario scenario = ScenarioGenerator.generate(injects, STATES, SEED);
        long started = System.nanoTime();
        List<Observed> observed = new SimulatedReplay(ReplaySettings.forBroker(bootstrapServers), scenario,
                "benchmark-" + System.currentTimeMillis(), Instant.now().truncatedTo(ChronoUnit.MINUTES)).run();
        long nanos = System.nanoTime() - started;
        int failed = ReportBuilder.build(scenario, observed).expectations().failed();
        if (failed > 0) {
            throw new IllegalStateException("the replay of " + injects + " injects failed " + failed + " expectations");
        }
        long alerts = observed.stream().filter(Observed.AlertIssued.class::isInstance).count();
        return new Measurement.Replay(ID, "exercise replay, simulated: generated scenario, " + STATES + " states",
                injects, alerts, nanos);
    }
}
