package org.entente.trust.outcomes;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.StateProfile;
import org.entente.schemas.EventSerde;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trust service's one Kafka Streams application: commitment outcomes (in-0) and
 * communication checks (in-1), each into its own outcome and tally stores, and the registered
 * states (in-2), a global table the API checks state codes against ({@code StatesTable}).
 */
@Configuration(proxyBeanMethods = false)
class OutcomeBinding {

    /** Picked by the binder for in-0's values, by its type: another event type there is a dead letter. */
    @Bean
    Serde<CommitmentOutcomeRecorded> commitmentOutcomeSerde() {
        return EventSerde.of(CommitmentOutcomeRecorded.class);
    }

    /** The states' table is materialised by its binding ({@code materialized-as}); nothing here reads it. */
    @Bean
    Function<KStream<String, CommitmentOutcomeRecorded>,
            Function<KStream<String, SpecificRecord>, Consumer<GlobalKTable<String, StateProfile>>>> recordOutcomes(Clock clock) {
        return commitmentOutcomes -> communicationChecks -> states -> {
            commitmentOutcomes.process(new CommitmentOutcomeIntake(clock));
            communicationChecks.process(new CommunicationCheckIntake(clock));
        };
    }
}
