package org.entente.platform.deadletter;

import java.util.Collection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.entente.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;

/**
 * Where the Kafka Streams binder sends a record it gives up on: the dead-letter topic of its
 * source topic in the catalogue ({@code incident.events.v1} → {@code incident.events.v1.dlq}),
 * same partition. The binder calls this once for every record it dead-letters, whether a
 * deserializer refused it or a processor found it invalid
 * ({@link DeadLetterProcessingExceptionHandler}), so this is also where
 * {@value #METRIC}{topic, reason} counts them.
 */
public class DeadLetterRouting implements DlqDestinationResolver {

    public static final String METRIC = "entente.dlq.records";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRouting.class);

    private final MeterRegistry meters;

    public DeadLetterRouting(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public String apply(ConsumerRecord<?, ?> record, Exception exception) {
        DeadLetterReason reason = DeadLetterReason.of(exception);
        String deadLetters = Topics.deadLettersOf(record.topic()).name();
        log.warn("Dead-lettering {}-{}@{} to {} ({}): {}", record.topic(), record.partition(), record.offset(),
                deadLetters, reason.label(), exception.toString());
        counter(record.topic(), reason).increment();
        return deadLetters;
    }

    /** Zero counters for the topics a service consumes, so that the first dead letter is an increase. */
    public void register(Collection<String> consumedTopics) {
        for (String topic : consumedTopics) {
            for (DeadLetterReason reason : DeadLetterReason.values()) {
                counter(topic, reason);
            }
        }
    }

    private Counter counter(String topic, DeadLetterReason reason) {
        return Counter.builder(METRIC)
                .description("Records sent to the dead-letter topic of their source topic")
                .tag("topic", topic)
                .tag("reason", reason.label())
                .register(meters);
    }
}
