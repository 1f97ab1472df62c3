package org.entente.trust.outcomes;

import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.EventSerde;

/**
 * Keeps every commitment outcome of real traffic in a persistent store keyed by
 * {@code alertId/kind}: a replayed or duplicated record overwrites itself, so it counts once.
 * The store's partitions follow the topic's (key: recipient state), so no repartitioning is needed.
 * An outcome keyed by another state than its recipient, or with no value, is rejected before it is
 * stored (a dead letter): it would count in another state's partition.
 */
final class CommitmentOutcomeIntake implements ProcessorSupplier<String, CommitmentOutcomeRecorded, Void, Void> {

    static final String STORE = "commitment-outcomes";

    @Override
    public Processor<String, CommitmentOutcomeRecorded, Void, Void> get() {
        return new Processor<>() {

            private KeyValueStore<String, CommitmentOutcomeRecorded> store;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore(STORE);
            }

            @Override
            public void process(Record<String, CommitmentOutcomeRecorded> record) {
                CommitmentOutcomeRecorded outcome = record.value();
                EventChecks.present(outcome);
                EventChecks.keyIs(record.key(), outcome.getRecipientState(), "recipientState");
                if (outcome.getMetadata().getExerciseId() == null) {
                    store.put(outcome.getAlertId() + "/" + outcome.getKind(), outcome);
                }
            }
        };
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                EventSerde.of(CommitmentOutcomeRecorded.class)));
    }
}
