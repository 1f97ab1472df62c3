package org.entente.notification.reference;

import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The exercise reference relay: the exercise reference topics in (in-0, the three of them), each
 * record {@link ExerciseReferenceAdmission admitted} written to its live counterpart with key,
 * value bytes, headers and tombstones unchanged, exactly once (Kafka Streams' exactly_once_v2).
 * The reference topics then hold an exercise's data under its keys as they always have, and
 * everything that reads them needs nothing new.
 */
@Configuration(proxyBeanMethods = false)
class ExerciseReferenceBinding {

    /** Picked by the binder for the exercise reference topics' values, by its type. */
    @Bean
    Serde<VerbatimEvent> verbatimEventSerde() {
        return new VerbatimEventSerde();
    }

    @Bean
    Consumer<KStream<String, VerbatimEvent>> admitExerciseReference(Serde<VerbatimEvent> verbatimEventSerde) {
        return reference -> reference.processValues(ExerciseReferenceAdmission::new)
                .to((key, value, source) -> ExerciseReferenceAdmission.liveTopicOf(source.topic()),
                        Produced.with(Serdes.String(), verbatimEventSerde));
    }
}
