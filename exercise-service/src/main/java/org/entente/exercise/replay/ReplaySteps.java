package org.entente.exercise.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.entente.events.AlertIssued;
import org.entente.exercise.scenario.Inject;
import org.entente.schemas.Topics;

/**
 * A replay's steps against the pipeline, each waiting until the pipeline has applied it (the
 * consumer group committed past what the step wrote: with exactly-once processing, what it caused
 * is then readable), and what each made the pipeline do, into the replay's {@link ObservationLog}.
 */
final class ReplaySteps {

    /** Every commitment shorter than this is decided when a replay ends. */
    static final Duration DECIDED_AFTER = Duration.ofDays(366);

    private final ReplaySettings settings;
    private final Pipeline pipeline;
    private final PipelineObserver observer;
    private final ExerciseEvents events;
    private final ObservationLog log;
    private final Optional<ScenarioReference> reference;
    private final int clockPartitions;

    ReplaySteps(ReplaySettings settings, Pipeline pipeline, PipelineObserver observer, ScenarioRun run) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.observer = observer;
        this.events = run.events();
        this.log = run.log();
        this.reference = run.reference();
        this.clockPartitions = pipeline.partitions(Topics.EXERCISE_CLOCKS.name());
    }

    /** Publishes the scenario's own reference data, if it brings some. */
    void publishReference() {
        reference.ifPresent(own -> pipeline.write(own.published()));
    }

    /** Writes the injects' incidents, each reported at its scenario time; returns the alerts delivered once all are routed. */
    List<AlertIssued> report(List<Inject> injects) {
        List<ProducerRecord<String, SpecificRecord>> incidents = new ArrayList<>();
        for (Inject inject : injects) {
            ProducerRecord<String, SpecificRecord> incident = new ProducerRecord<>(Topics.EXERCISE_INCIDENTS.name(),
                    events.incidentId(inject), events.incident(inject));
            reference.ifPresent(own -> incident.headers().add(own.header()));
            incidents.add(incident);
            log.injectSent(inject.at(), inject.id(), inject.reportingState());
        }
        pipeline.awaitConsumed(settings.fanOutGroup(), pipeline.write(incidents));
        List<AlertIssued> delivered = new ArrayList<>(log.add(observer.catchUp()));
        pipeline.awaitConsumed(settings.lifecycleGroup(), observer.readUpTo(Topics.ALERTS.name()));
        delivered.addAll(log.add(observer.catchUp()));
        return delivered;
    }

    /**
     * Sets the clock on every partition, so every lifecycle task hears it: scenario time
     * {@code scenarioTime} at wall instant {@code since}, advancing {@code rate} times as fast as
     * the wall clock (0: standing still).
     */
    void setClock(Instant scenarioTime, Instant since, double rate) {
        writeClock(partition -> new ProducerRecord<>(Topics.EXERCISE_CLOCKS.name(), partition, events.exerciseId(),
                events.clock(scenarioTime, since, rate)));
    }

    /**
     * Ends the exercise: the clock moves a year past the last inject, so every deadline left is
     * decided, then the clock and the scenario's reference data are removed.
     */
    void end(Instant lastInject) {
        Instant decided = lastInject.plus(DECIDED_AFTER);
        setClock(decided, decided, 0);
        writeClock(partition -> new ProducerRecord<>(Topics.EXERCISE_CLOCKS.name(), partition, events.exerciseId(), null));
        reference.ifPresent(own -> pipeline.write(own.removed()));
    }

    /** Writes the records and waits until the lifecycle has applied them. */
    void apply(List<ProducerRecord<String, SpecificRecord>> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> written = pipeline.write(records);
        pipeline.awaitConsumed(settings.lifecycleGroup(), written);
        log.add(observer.catchUp());
    }

    /** Takes in what the pipeline did meanwhile on its own (a deadline passed, a real point of contact answered). */
    void observe() {
        log.add(observer.catchUp());
    }

    private void writeClock(Function<Integer, ProducerRecord<String, SpecificRecord>> copy) {
        apply(IntStream.range(0, clockPartitions).mapToObj(copy::apply).toList());
    }
}
