package org.entente.exercise.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.entente.events.AlertIssued;
import org.entente.exercise.report.Observed;
import org.entente.exercise.scenario.Acknowledgement;
import org.entente.exercise.scenario.InlineReference;
import org.entente.exercise.scenario.Inject;
import org.entente.exercise.scenario.Scenario;
import org.entente.schemas.Topics;

/**
 * Replays a scenario through the running pipeline on scenario time, as fast as the pipeline goes.
 * The exercise's clock ({@code exercise.clocks.v1}) stands still between the replay's steps, so
 * what happens depends only on the scenario, never on how fast the machine ran it:
 * <ol>
 * <li>the scenario's own reference data, if it brings some, is published under the exercise's
 *     keys ({@link ScenarioReference}); the clock is set to the start and every inject's incident
 *     is written, reported at its scenario time; the replay waits until notification-service has
 *     routed them all and delivered every alert (delivered when issued, on the exercise's clock);</li>
 * <li>every scripted acknowledgement ({@link ScriptedAnswer}) is written at once, at its scenario
 *     time, by the contact its script names (a backup found in the scenario's or the live contact
 *     chains): notification-service applies what falls due on an exercise alert before an answer's
 *     time (an escalation, a missed deadline) before the answer;</li>
 * <li>the clock moves a year past the last inject, so every deadline left is decided, then the
 *     clock and the scenario's reference data are removed.</li>
 * </ol>
 * Each step waits until the lifecycle has committed past what the step wrote: with exactly-once
 * processing, what it caused is then readable. Points of contact without a script never answer.
 */
public final class SimulatedReplay {

    /** Every commitment shorter than this is decided by the end of a replay. */
    static final Duration DECIDED_AFTER = Duration.ofDays(366);

    private final ReplaySettings settings;
    private final Scenario scenario;
    private final ExerciseEvents events;
    private final ObservationLog log;
    private final Optional<ScenarioReference> reference;

    public SimulatedReplay(ReplaySettings settings, Scenario scenario, String exerciseId, Instant start) {
        this.settings = settings;
        this.scenario = scenario;
        this.events = new ExerciseEvents(exerciseId, start);
        this.log = new ObservationLog(start, scenario.injects().stream()
                .collect(Collectors.toMap(events::incidentId, Inject::id)));
        this.reference = scenario.reference() instanceof InlineReference inline
                ? Optional.of(new ScenarioReference(inline, events)) : Optional.empty();
    }

    /** Runs the replay; what it observed, in scenario time, for {@code ReportBuilder}. */
    public List<Observed> run() {
        try (Pipeline pipeline = new Pipeline(settings);
                PipelineObserver observer = new PipelineObserver(settings, events.exerciseId(),
                        List.of(Topics.ALERTS.name(), Topics.DISCLOSURES.name(), Topics.COMMITMENT_OUTCOMES.name()))) {
            Step step = new Step(pipeline, observer);
            reference.ifPresent(own -> pipeline.write(own.published()));
            ContactChains chains = scenario.reference() instanceof InlineReference inline ? ContactChains.of(inline)
                    : ContactChains.live(settings);
            step.tick(events.start());
            step.apply(acknowledgements(step.report(), chains));
            step.tick(events.start().plus(lastInject()).plus(DECIDED_AFTER));
            step.stopClock();
            reference.ifPresent(own -> pipeline.write(own.removed()));
        }
        return log.observed();
    }

    /** The scripted acknowledgements of the delivered alerts; one whose contact the chain lacks is not given. */
    private List<ProducerRecord<String, SpecificRecord>> acknowledgements(List<AlertIssued> delivered, ContactChains chains) {
        List<ProducerRecord<String, SpecificRecord>> acknowledgements = new ArrayList<>();
        for (AlertIssued alert : delivered) {
            Acknowledgement script = scenario.acknowledgementOf(alert.getRecipientState(), log.injectOf(alert))
                    .orElse(new Acknowledgement.Never());
            ScriptedAnswer.plan(script, alert, log.deliveredAt(alert.getAlertId())).ifPresent(answer -> {
                Optional<String> contact = answer.level() == 0 ? Optional.of(alert.getContactId())
                        : chains.at(alert.getRecipientState(), answer.level());
                contact.ifPresent(by -> acknowledgements.add(new ProducerRecord<>(Topics.ALERTS.name(), answer.recipientState(),
                        events.acknowledgement(answer.alertId(), answer.recipientState(), by, answer.at()))));
            });
        }
        return acknowledgements;
    }

    private Duration lastInject() {
        return scenario.injects().stream().map(Inject::at).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /** The replay's steps against the pipeline, each waiting until the pipeline has applied it. */
    private final class Step {

        private final Pipeline pipeline;
        private final PipelineObserver observer;
        private final int clockPartitions;

        Step(Pipeline pipeline, PipelineObserver observer) {
            this.pipeline = pipeline;
            this.observer = observer;
            this.clockPartitions = pipeline.partitions(Topics.EXERCISE_CLOCKS.name());
        }

        /** Writes every inject's incident; returns the alerts delivered once all are routed. */
        List<AlertIssued> report() {
            List<ProducerRecord<String, SpecificRecord>> incidents = new ArrayList<>();
            for (Inject inject : scenario.injects()) {
                ProducerRecord<String, SpecificRecord> incident = new ProducerRecord<>(Topics.INCIDENTS.name(),
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

        /** Sets the clock to {@code scenarioTime} on every partition, so every lifecycle task hears it. */
        void tick(Instant scenarioTime) {
            writeClock(partition -> new ProducerRecord<>(Topics.EXERCISE_CLOCKS.name(), partition, events.exerciseId(),
                    events.clock(scenarioTime, scenarioTime, 0)));
        }

        void stopClock() {
            writeClock(partition -> new ProducerRecord<>(Topics.EXERCISE_CLOCKS.name(), partition, events.exerciseId(), null));
        }

        private void writeClock(Function<Integer, ProducerRecord<String, SpecificRecord>> copy) {
            apply(IntStream.range(0, clockPartitions).mapToObj(copy::apply).toList());
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
    }
}
