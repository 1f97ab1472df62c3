package org.entente.trust.outcomes;

import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.entente.events.CommunicationCheckAcknowledged;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.CommunicationCheckSent;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.EventSerde;
import org.entente.schemas.Topics;
import org.entente.schemas.UnexpectedEventTypeException;

/**
 * Keeps every communication-check outcome in its own store, keyed by check id, apart from the
 * commitment outcomes: checks are a figure of their own. The checks sent and acknowledged that
 * share the topic are passed over; an outcome keyed by another state than its recipient is a
 * dead letter, as for commitment outcomes.
 */
final class CommunicationCheckIntake implements ProcessorSupplier<String, SpecificRecord, Void, Void> {

    static final String STORE = "communication-check-outcomes";

    @Override
    public Processor<String, SpecificRecord, Void, Void> get() {
        return new Processor<>() {

            private KeyValueStore<String, CommunicationCheckOutcomeRecorded> store;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore(STORE);
            }

            @Override
            public void process(Record<String, SpecificRecord> record) {
                SpecificRecord event = record.value();
                EventChecks.present(event);
                if (event instanceof CommunicationCheckOutcomeRecorded outcome) {
                    EventChecks.keyIs(record.key(), outcome.getRecipientState(), "recipientState");
                    store.put(outcome.getCheckId(), outcome);
                } else if (!(event instanceof CommunicationCheckSent) && !(event instanceof CommunicationCheckAcknowledged)) {
                    throw new UnexpectedEventTypeException("expected a communication check event on "
                            + Topics.COMMUNICATION_CHECKS.name() + " but found " + event.getClass().getSimpleName());
                }
            }
        };
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                EventSerde.of(CommunicationCheckOutcomeRecorded.class)));
    }
}
