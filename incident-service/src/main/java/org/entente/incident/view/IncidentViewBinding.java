package org.entente.incident.view;

import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.entente.events.IncidentReported;
import org.entente.events.StateProfile;
import org.entente.schemas.EventSerde;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records the incident topic into the {@value IncidentView#STORE} store (reports) and the
 * {@value IncidentView#REVISIONS} store (latest revisions of updated incidents), both persistent
 * and changelogged: a restarted instance rebuilds them from Kafka. The first is a timestamped store,
 * as the table this binding materialised before, so existing state directories and changelogs stay
 * readable. Its second input, the registered states, is a global table the intake checks state
 * codes against ({@code StatesTable}); the binding materialises it and nothing here reads it.
 */
@Configuration(proxyBeanMethods = false)
class IncidentViewBinding {

    /**
     * Picked by the binder for the binding's values, by its type: any other event on the incident
     * topic fails to deserialize ({@code UnexpectedEventTypeException}) and is dead-lettered.
     */
    @Bean
    Serde<IncidentReported> incidentSerde() {
        return EventSerde.of(IncidentReported.class);
    }

    @Bean
    BiConsumer<KStream<String, IncidentReported>, GlobalKTable<String, StateProfile>> recordIncident() {
        ProcessorSupplier<String, IncidentReported, Void, Void> recorder = new ProcessorSupplier<>() {
            @Override
            public Processor<String, IncidentReported, Void, Void> get() {
                return new IncidentRecorder();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(IncidentView.STORE),
                                Serdes.String(), EventSerde.of(IncidentReported.class)),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IncidentView.REVISIONS),
                                Serdes.String(), EventSerde.of(IncidentReported.class)));
            }
        };
        return (incidents, states) -> incidents.process(recorder);
    }
}
