package org.entente.exercise.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.common.KafkaException;
import org.entente.exercise.report.Observed;
import org.entente.exercise.scenario.InlineReference;
import org.entente.exercise.scenario.Inject;
import org.entente.exercise.scenario.Scenario;
import org.entente.schemas.Topics;

/**
 * One replay of a scenario under an exercise id, whatever its mode: the events it writes, what it
 * has seen of the exercise so far, and the reference data the scenario brings, if any.
 */
final class ScenarioRun {

    private final Scenario scenario;
    private final ExerciseEvents events;
    private final ObservationLog log;
    private final Optional<ScenarioReference> reference;

    ScenarioRun(Scenario scenario, String exerciseId, Instant start) {
        this.scenario = scenario;
        this.events = new ExerciseEvents(exerciseId, start);
        this.log = new ObservationLog(start, scenario.injects().stream()
                .collect(Collectors.toMap(events::incidentId, Inject::id)));
        this.reference = scenario.reference() instanceof InlineReference inline
                ? Optional.of(new ScenarioReference(inline, events)) : Optional.empty();
    }

    Scenario scenario() {
        return scenario;
    }

    ExerciseEvents events() {
        return events;
    }

    ObservationLog log() {
        return log;
    }

    Optional<ScenarioReference> reference() {
        return reference;
    }

    /** What a replay does between publishing the scenario's reference data and ending the exercise. */
    @FunctionalInterface
    interface Play {
        void play(ReplaySteps steps, ScriptedAcknowledgements scripts);
    }

    /**
     * Replays the scenario through the pipeline {@code settings} reach, as {@code play} paces it:
     * the scenario's own reference data first, the exercise's end ({@link ReplaySteps#end}) last;
     * what was observed, in scenario time, for {@code ReportBuilder}.
     *
     * @throws ReplayException when the pipeline did not answer in time or Kafka failed
     */
    List<Observed> replay(ReplaySettings settings, Play play) {
        try (Pipeline pipeline = new Pipeline(settings);
                PipelineObserver observer = new PipelineObserver(settings, events.exerciseId(),
                        List.of(Topics.ALERTS.name(), Topics.DISCLOSURES.name(), Topics.COMMITMENT_OUTCOMES.name()))) {
            ReplaySteps steps = new ReplaySteps(settings, pipeline, observer, this);
            steps.publishReference();
            play.play(steps, new ScriptedAcknowledgements(this, ContactChains.of(scenario, settings)));
            steps.end(lastInject());
        } catch (KafkaException e) {
            throw new ReplayException("Kafka failed: " + e.getMessage(), e);
        }
        return log.observed();
    }

    /** The scenario time of the last inject. */
    Instant lastInject() {
        return events.start().plus(scenario.injects().stream().map(Inject::at).max(Comparator.naturalOrder()).orElse(Duration.ZERO));
    }
}
