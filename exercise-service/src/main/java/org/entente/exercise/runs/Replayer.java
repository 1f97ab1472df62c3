package org.entente.exercise.runs;

import java.time.Instant;
import java.util.List;

import org.entente.exercise.report.Observed;
import org.entente.exercise.scenario.Scenario;

/** Plays a scenario through the pipeline in one mode; what it observed, in scenario time, for the report. */
@FunctionalInterface
public interface Replayer {

    /**
     * @param start the instant scenario time +0s stands for
     * @param speed how many times faster than real time a live replay plays; a simulated one,
     *              paced by the pipeline alone, takes no notice
     */
    List<Observed> replay(Scenario scenario, String exerciseId, Instant start, double speed);
}
