package org.entente.notification.webhook;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.entente.platform.deadletter.DeadLetterRouting;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.stereotype.Component;

/**
 * The recoverer of the webhook listener's error handler: records a delivery given up as the
 * platform records any record a consumer gives up on, with spring-kafka's
 * {@link DeadLetterPublishingRecoverer}: the alert event's key and bytes on
 * {@code alert.events.v1.dlq}, same partition, with the {@code kafka_dlt-*} headers (the reason,
 * source topic, partition and offset), routed and counted by {@link DeadLetterRouting}
 * ({@code entente.dlq.records}, reason {@code other}). Returns only once Kafka has the letter, and
 * throws if it cannot have it: the error handler then hands the record back, and its offset is
 * committed only once a letter is written.
 * <p>
 * Its own producer of bytes, with the service's producer settings (acks=all, idempotence,
 * security): the application's event producer serializes events, and a letter is the bytes as
 * they came. Not a bean of its own, so that Boot's auto-configured producer factory and template
 * stay the application's.
 */
@Component
class WebhookDeadLetters implements ConsumerRecordRecoverer, DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final DeadLetterPublishingRecoverer recoverer;

    WebhookDeadLetters(KafkaProperties kafka, DeadLetterRouting routing) {
        this.producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(),
                new ByteArraySerializer());
        this.recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
                (record, exception) -> new TopicPartition(routing.apply(record, exception), record.partition()));
        // The exception only carries the reason; its stack says nothing about the receiver.
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
    }

    /** Letters carry the listener's own exception (its class and reason), not the container's wrapper. */
    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        recoverer.accept(record, unwrapped(exception));
    }

    static Exception unwrapped(Exception exception) {
        Exception thrown = exception;
        while (thrown instanceof ListenerExecutionFailedException wrapper && wrapper.getCause() instanceof Exception cause) {
            thrown = cause;
        }
        return thrown;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
