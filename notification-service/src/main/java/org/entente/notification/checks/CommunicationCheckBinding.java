package org.entente.notification.checks;

import java.time.Clock;
import java.util.Set;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.entente.events.CommunicationCheckSchedule;
import org.entente.events.ContactChain;
import org.entente.notification.StoreNames;
import org.entente.notification.lifecycle.LifecycleProperties;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.EventSerde;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The communication-check topology: check events in (in-0; acknowledgements, and this topology's
 * own events read back), contact chains (in-1, a stream, co-partitioned with the checks by
 * state), check events out (out-0).
 */
@Configuration(proxyBeanMethods = false)
class CommunicationCheckBinding {

    @Bean
    BiFunction<KStream<String, SpecificRecord>, KStream<String, ContactChain>, KStream<String, SpecificRecord>> runCommunicationChecks(
            EventMetadataFactory metadata, CommunicationCheckProperties properties, LifecycleProperties deadlines, Clock clock,
            MeterRegistry meters) {
        CommunicationCheckRules rules = new CommunicationCheckRules(metadata, properties, deadlines.settle());
        ProcessorSupplier<String, SpecificRecord, String, SpecificRecord> processor = new ProcessorSupplier<>() {
            @Override
            public Processor<String, SpecificRecord, String, SpecificRecord> get() {
                return new CommunicationCheckProcessor(rules, properties, clock, meters);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.COMMUNICATION_CHECKS),
                        Serdes.String(), EventSerde.of(CommunicationCheckSchedule.class)));
            }
        };
        return (checks, contacts) -> checks.merge(contacts.mapValues(SpecificRecord.class::cast)).process(processor);
    }
}
