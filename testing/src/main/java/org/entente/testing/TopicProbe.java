package org.entente.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
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
     * Records that are not events are passed over (see {@link #readRaw} for those).
     */
    public static List<ConsumerRecord<String, SpecificRecord>> read(String topic, Predicate<ConsumerRecord<String, SpecificRecord>> filter,
            Predicate<List<ConsumerRecord<String, SpecificRecord>>> enough, Duration timeout) {
        List<ConsumerRecord<String, SpecificRecord>> matching = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new EventDeserializer<>())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (!enough.test(matching) && Instant.now().isBefore(deadline)) {
                try {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                        if (filter.test(record)) {
                            matching.add(record);
                        }
                    });
                } catch (RecordDeserializationException poison) {
                    // Not an event (a dead-letter test's poison): not what this reader looks for.
                    consumer.seek(poison.topicPartition(), poison.offset() + 1);
                }
            }
        }
        return matching;
    }

    /**
     * Reads the topic's raw records (values as bytes, headers as written) from the beginning, as
     * {@link #read} does: for dead-letter topics, whose values need not decode.
     */
    public static List<ConsumerRecord<String, byte[]>> readRaw(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
            Predicate<List<ConsumerRecord<String, byte[]>>> enough, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
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

    /** Writes an event where its key sends it; returns where it landed. */
    public static RecordMetadata write(String topic, String key, SpecificRecord event) {
        return send(new EventSerializer<>(), new ProducerRecord<>(topic, key, event));
    }

    /** Writes an event to one partition, whatever its key, so that records follow each other there. */
    public static RecordMetadata write(String topic, int partition, String key, SpecificRecord event) {
        return send(new EventSerializer<>(), new ProducerRecord<>(topic, partition, key, event));
    }

    /** Writes an event as given, headers included. */
    public static RecordMetadata write(ProducerRecord<String, SpecificRecord> record) {
        return send(new EventSerializer<>(), record);
    }

    /** Writes any bytes (a poison record, an event of an unknown schema) to one partition. */
    public static RecordMetadata writeBytes(String topic, int partition, String key, byte[] value) {
        return send(new ByteArraySerializer(), new ProducerRecord<>(topic, partition, key, value));
    }

    /** The offset the consumer group (a Kafka Streams application id) committed on a partition; -1 without one. */
    public static long committedOffset(String group, String topic, int partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.get().bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, partition));
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the offsets of " + group, e);
        }
    }

    private static <V> RecordMetadata send(Serializer<V> values, ProducerRecord<String, V> record) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + record.topic(), e);
        }
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }
}
