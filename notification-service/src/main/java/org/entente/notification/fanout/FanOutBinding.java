package org.entente.notification.fanout;

import java.util.Set;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.entente.events.Agreement;
import org.entente.events.AlertIssued;
import org.entente.events.ContactChain;
import org.entente.events.DisclosureRecorded;
import org.entente.events.IncidentReported;
import org.entente.events.IncidentRevisionSeen;
import org.entente.events.StateProfile;
import org.entente.notification.StoreNames;
import org.entente.notification.routing.AlertComposer;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.EventSerde;
import org.entente.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fan-out topology: incidents in (in-0: the real ones and exercises', two topics keyed and
 * partitioned alike, so the revisions of one incident id meet in one task whichever topic they
 * come on), reference data as global tables (in-1 agreements, in-2 contact chains, in-3 states;
 * in memory, {@link ChangeCountingStores}, read through one {@link ReferenceSnapshot}), alerts out
 * (out-0) and ledger entries to the disclosure topic.
 * The processor's own store, {@value StoreNames#INCIDENT_REVISIONS} (persistent, changelogged),
 * holds per incident the highest revision routed, its label, reporting state, exercise and
 * recipients. Exactly once per (incident revision, recipient) through Kafka Streams'
 * exactly_once_v2. Every alert carries the fan-out's {@link AlertSignature}.
 */
@Configuration(proxyBeanMethods = false)
class FanOutBinding {

    /**
     * Picked by the binder for the incidents' values, by its type: any other event on the incident
     * topic fails to deserialize ({@code UnexpectedEventTypeException}) and is dead-lettered.
     */
    @Bean
    Serde<IncidentReported> incidentSerde() {
        return EventSerde.of(IncidentReported.class);
    }

    @Bean
    Function<KStream<String, IncidentReported>,
            Function<GlobalKTable<String, Agreement>,
                    Function<GlobalKTable<String, ContactChain>,
                            Function<GlobalKTable<String, StateProfile>, KStream<String, SpecificRecord>>>>> fanOutIncident(
            EventMetadataFactory metadata, MeterRegistry meters, AlertSigningProperties signing) {
        AlertComposer composer = new AlertComposer(metadata);
        ReferenceSnapshot snapshot = new ReferenceSnapshot();
        ProcessorSupplier<String, IncidentReported, String, SpecificRecord> fanOut = new ProcessorSupplier<>() {
            @Override
            public Processor<String, IncidentReported, String, SpecificRecord> get() {
                return new FanOutProcessor(composer, snapshot, meters, signing.signature());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.INCIDENT_REVISIONS),
                        Serdes.String(), EventSerde.of(IncidentRevisionSeen.class)));
            }
        };
        return incidents -> agreements -> contacts -> states -> {
            KStream<String, SpecificRecord> routed = incidents.process(fanOut);
            routed.filter((recipient, event) -> event instanceof DisclosureRecorded)
                    .to(Topics.DISCLOSURES.name(), Produced.with(Serdes.String(), new EventSerde<>()));
            return routed.filter((recipient, event) -> event instanceof AlertIssued);
        };
    }
}
