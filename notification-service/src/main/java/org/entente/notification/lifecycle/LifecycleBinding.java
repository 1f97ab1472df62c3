package org.entente.notification.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.entente.events.AlertLifecycle;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.ContactChain;
import org.entente.events.ExerciseClock;
import org.entente.notification.StoreNames;
import org.entente.notification.fanout.AlertSigningProperties;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.EventSerde;
import org.entente.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lifecycle topology: alert events in (in-0; the fan-out's alerts and recipients' actions on
 * {@code alert.events.v1}, an exercise replay's scripted answers on {@code exercise.answers.v1},
 * keyed and partitioned alike), contact chains as a global table (in-1), exercise clocks (in-2;
 * merged with the alert events, so the partition-p task hears the copy of each tick on partition
 * p), delivery and escalation events out (out-0) and commitment outcomes to their topic. Alert
 * events are keyed by recipient state throughout: one state's inbox lives in one partition. The
 * alert events are read with {@link AlertEventSerde}, so the processor can check the fan-out's
 * signature on every alert.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleBinding {

    @Bean
    Function<KStream<String, SpecificRecord>, Function<GlobalKTable<String, ContactChain>,
            Function<KStream<String, ExerciseClock>, KStream<String, SpecificRecord>>>> trackAlertLifecycle(
            EventMetadataFactory metadata, LifecycleProperties properties, Clock clock, MeterRegistry meters,
            AlertSigningProperties signing) {
        LifecycleRules rules = new LifecycleRules(metadata, properties.settle());
        LifecycleRules exerciseRules = new LifecycleRules(metadata, Duration.ZERO);
        ProcessorSupplier<String, SpecificRecord, String, SpecificRecord> processor = new ProcessorSupplier<>() {
            @Override
            public Processor<String, SpecificRecord, String, SpecificRecord> get() {
                return new LifecycleProcessor(rules, exerciseRules, clock, properties.checkInterval(), meters,
                        signing.signature());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ALERTS), Serdes.String(),
                                EventSerde.of(AlertLifecycle.class)),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.DEADLINES), Serdes.String(),
                                Serdes.String()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.EXERCISE_CLOCKS), Serdes.String(),
                                EventSerde.of(ExerciseClock.class)));
            }
        };
        return alertEvents -> contacts -> clocks -> {
            KStream<String, SpecificRecord> changes = alertEvents.merge(clocks.mapValues(SpecificRecord.class::cast)).process(processor);
            changes.filter((recipient, event) -> event instanceof CommitmentOutcomeRecorded)
                    .to(Topics.COMMITMENT_OUTCOMES.name(), Produced.with(Serdes.String(), new EventSerde<>()));
            return changes.filter((recipient, event) -> !(event instanceof CommitmentOutcomeRecorded));
        };
    }
}
