package org.entente.trust.outcomes;

import java.util.function.BiConsumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.KStream;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.schemas.EventSerde;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trust service's one Kafka Streams application: commitment outcomes (in-0) and
 * communication checks (in-1), each into its own store.
 */
@Configuration(proxyBeanMethods = false)
class OutcomeBinding {

    /** Picked by the binder for in-0's values, by its type: another event type there is a dead letter. */
    @Bean
    Serde<CommitmentOutcomeRecorded> commitmentOutcomeSerde() {
        return EventSerde.of(CommitmentOutcomeRecorded.class);
    }

    @Bean
    BiConsumer<KStream<String, CommitmentOutcomeRecorded>, KStream<String, SpecificRecord>> recordOutcomes() {
        return (commitmentOutcomes, communicationChecks) -> {
            commitmentOutcomes.process(new CommitmentOutcomeIntake());
            communicationChecks.process(new CommunicationCheckIntake());
        };
    }
}
