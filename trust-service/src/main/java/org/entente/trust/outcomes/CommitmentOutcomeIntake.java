package org.entente.trust.outcomes;

import java.time.Clock;
import java.util.Set;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.platform.events.EventChecks;
import org.entente.trust.figures.Outcome;

/**
 * Keeps every commitment outcome of real traffic in a persistent store keyed by
 * {@code alertId/kind}, and its tallies beside it ({@link OutcomeCounter}): a replayed or
 * duplicated record overwrites itself, so it counts once. The stores' partitions follow the
 * topic's (key: recipient state), so no repartitioning is needed. An outcome keyed by another
 * state than its recipient, or with no value, is rejected before it is stored (a dead letter): it
 * would count in another state's partition.
 */
final class CommitmentOutcomeIntake implements ProcessorSupplier<String, CommitmentOutcomeRecorded, Void, Void> {

    static final String STORE = "commitment-outcomes";
    static final String TALLIES = "commitment-tallies";

    private final Clock clock;

    CommitmentOutcomeIntake(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Processor<String, CommitmentOutcomeRecorded, Void, Void> get() {
        return new Processor<>() {

            private OutcomeCounter<CommitmentOutcomeRecorded> counter;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                counter = new OutcomeCounter<>(context, STORE, TALLIES, CommitmentOutcomeIntake::outcomeOf, clock);
            }

            @Override
            public void process(Record<String, CommitmentOutcomeRecorded> record) {
                CommitmentOutcomeRecorded outcome = record.value();
                EventChecks.present(outcome);
                EventChecks.keyIs(record.key(), outcome.getRecipientState(), "recipientState");
                if (outcome.getMetadata().getExerciseId() == null) {
                    counter.record(outcome.getAlertId() + "/" + outcome.getKind(), outcome);
                }
            }
        };
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return OutcomeCounter.stores(STORE, CommitmentOutcomeRecorded.class, TALLIES);
    }

    static Outcome outcomeOf(CommitmentOutcomeRecorded event) {
        return new Outcome(event.getReportingState(), event.getRecipientState(), event.getAgreement().getAgreementId(),
                event.getKind(), event.getResult(), event.getIssuedAt(), event.getResponseMillis());
    }
}
