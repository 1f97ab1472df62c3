package org.entente.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.entente.schemas.EventDeserializer;
import org.entente.schemas.EventSerializer;

/** Reads and writes Entente events on the shared test broker, as an outside client would. */
public final class TopicProbe {

    private TopicProbe() {
    }

    /**
     * Reads the topic from the beginning until {@code enough} holds for the records matching
     * {@code filter}, or the timeout passes; returns the matching records in offset order per partition.
     */
    public static List<ConsumerRecord<String, SpecificRecord>> read(String topic, Predicate<ConsumerRecord<String, SpecificRecord>> filter,
            Predicate<List<ConsumerRecord<String, SpecificRecord>>> enough, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, SpecificRecord>> matching = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new EventDeserializer<>())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (!enough.test(matching) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (filter.test(record)) {
                        matching.add(record);
                    }
                });
            }
        }
        return matching;
    }

    public static void write(String topic, String key, SpecificRecord event) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EventSerializer<>())) {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + topic, e);
        }
    }
}
