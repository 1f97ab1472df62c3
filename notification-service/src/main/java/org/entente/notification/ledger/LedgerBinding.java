package org.entente.notification.ledger;

import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.entente.events.DisclosureRecorded;
import org.entente.schemas.EventSerde;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger topology: the disclosure topic in (in-0), materialised into the persistent
 * {@value LedgerRecorder#STORE} store that oversight queries. Writes nothing back: the topic is the
 * ledger, the store an index of it.
 */
@Configuration(proxyBeanMethods = false)
class LedgerBinding {

    /**
     * Picked by the binder for the ledger's values, by its type: any other event on the disclosure
     * topic fails to deserialize ({@code UnexpectedEventTypeException}) and is dead-lettered.
     */
    @Bean
    Serde<DisclosureRecorded> disclosureSerde() {
        return EventSerde.of(DisclosureRecorded.class);
    }

    @Bean
    Consumer<KStream<String, DisclosureRecorded>> recordDisclosure() {
        ProcessorSupplier<String, DisclosureRecorded, Void, Void> recorder = new ProcessorSupplier<>() {
            @Override
            public Processor<String, DisclosureRecorded, Void, Void> get() {
                return new LedgerRecorder();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LedgerRecorder.STORE),
                        Serdes.String(), EventSerde.of(DisclosureRecorded.class)));
            }
        };
        return disclosures -> disclosures.process(recorder);
    }
}
