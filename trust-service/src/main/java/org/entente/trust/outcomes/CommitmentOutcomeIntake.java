package org.entente.trust.outcomes;

import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps every commitment outcome of real traffic in a persistent store keyed by
 * {@code alertId/kind}: a replayed or duplicated record overwrites itself, so it counts once.
 * The store's partitions follow the topic's (key: recipient state), so no repartitioning is needed.
 * An outcome keyed by another state than its recipient, or with no value, is rejected before it is
 * stored (a dead letter): it would count in another state's partition.
 */
@Configuration(proxyBeanMethods = false)
class CommitmentOutcomeIntake {

    static final String STORE = "commitment-outcomes";

    /** Picked by the binder for the binding's values, by its type. */
    @Bean
    Serde<CommitmentOutcomeRecorded> commitmentOutcomeSerde() {
        return EventSerde.of(CommitmentOutcomeRecorded.class);
    }

    @Bean
    Consumer<KStream<String, CommitmentOutcomeRecorded>> recordCommitmentOutcome() {
        return outcomes -> outcomes.process(new StoreOutcome());
    }

    private static String storeKey(CommitmentOutcomeRecorded outcome) {
        return outcome.getAlertId() + "/" + outcome.getKind();
    }

    private static final class StoreOutcome
            implements ProcessorSupplier<String, CommitmentOutcomeRecorded, Void, Void> {

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
                        store.put(storeKey(outcome), outcome);
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
}
