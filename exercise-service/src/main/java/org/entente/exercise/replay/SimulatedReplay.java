package org.entente.exercise.replay;

import java.time.Instant;
import java.util.List;

import org.entente.exercise.report.Observed;
import org.entente.exercise.scenario.Scenario;

/**
 * Replays a scenario through the running pipeline on scenario time, as fast as the pipeline goes.
 * The exercise's clock ({@code exercise.clocks.v1}) stands still between the replay's steps, so
 * what happens depends only on the scenario, never on how fast the machine ran it:
 * <ol>
 * <li>the scenario's own reference data, if it brings some, is published under the exercise's
 *     keys ({@link ScenarioReference}); the clock is set to the start and every inject's incident
 *     is written, reported at its scenario time; the replay waits until notification-service has
 *     routed them all and delivered every alert (delivered when issued, on the exercise's clock);</li>
 * <li>every scripted acknowledgement ({@link ScriptedAcknowledgements}) is written at once, at its
 *     scenario time: notification-service applies what falls due on an exercise alert before an
 *     answer's time (an escalation, a missed deadline) before the answer;</li>
 * <li>the exercise ends ({@link ReplaySteps#end}): every deadline left is decided.</li>
 * </ol>
 */
public final class SimulatedReplay {

    private final ReplaySettings settings;
    private final ScenarioRun run;

    public SimulatedReplay(ReplaySettings settings, Scenario scenario, String exerciseId, Instant start) {
        this.settings = settings;
        this.run = new ScenarioRun(scenario, exerciseId, start);
    }

    /**
     * Runs the replay; what it observed, in scenario time, for {@code ReportBuilder}.
     *
     * @throws ReplayException when the pipeline did not answer in time or Kafka failed
     */
    public List<Observed> run() {
        return run.replay(settings, (steps, scripts) -> {
            Instant start = run.events().start();
            steps.setClock(start, start, 0);
            steps.apply(scripts.of(steps.report(run.scenario().injects())).stream()
                    .map(ScriptedAcknowledgements.Planned::record).toList());
        });
    }
}
