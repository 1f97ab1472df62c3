package org.entente.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.common.serialization.Deserializer;
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
        return readUntil(new EventDeserializer<>(), topic, filter, enough, timeout);
    }

    /**
     * Reads the topic's raw records (values as bytes, headers as written) from the beginning, as
     * {@link #read} does: for dead-letter topics, whose values need not decode.
     */
    public static List<ConsumerRecord<String, byte[]>> readRaw(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
            Predicate<List<ConsumerRecord<String, byte[]>>> enough, Duration timeout) {
        return readUntil(new ByteArrayDeserializer(), topic, filter, enough, timeout);
    }

    /**
     * Every committed record of the topic that matches {@code filter}, from the beginning to the
     * end each partition has now. For "and nothing more" checks without waiting out a timeout: once
     * a Kafka Streams application has committed past its input (see {@link #committedOffset}), all
     * it wrote for that input is below these ends.
     */
    public static List<ConsumerRecord<String, SpecificRecord>> readToEnd(String topic, Predicate<ConsumerRecord<String, SpecificRecord>> filter) {
        return readToEnd(new EventDeserializer<>(), topic, filter);
    }

    /** {@link #readToEnd(String, Predicate)} for raw records, as {@link #readRaw} reads them. */
    public static List<ConsumerRecord<String, byte[]>> readRawToEnd(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        return readToEnd(new ByteArrayDeserializer(), topic, filter);
    }

    private static <V> List<ConsumerRecord<String, V>> readUntil(Deserializer<V> values, String topic,
            Predicate<ConsumerRecord<String, V>> filter, Predicate<List<ConsumerRecord<String, V>>> enough, Duration timeout) {
        List<ConsumerRecord<String, V>> matching = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, V> consumer = fromBeginning(values, topic, deadline)) {
            while (!consumer.assignment().isEmpty() && !enough.test(matching) && Instant.now().isBefore(deadline)) {
                pollInto(consumer, filter, matching);
            }
        }
        return matching;
    }

    private static <V> List<ConsumerRecord<String, V>> readToEnd(Deserializer<V> values, String topic,
            Predicate<ConsumerRecord<String, V>> filter) {
        List<ConsumerRecord<String, V>> matching = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try (KafkaConsumer<String, V> consumer = fromBeginning(values, topic, Instant.now())) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + topic + " to its end " + ends + " within 30 s");
                }
                pollInto(consumer, filter, matching);
            }
        }
        return matching;
    }

    /**
     * A consumer of no group (nothing to join, nothing committed) on every partition the topic has
     * by the deadline, at the beginning, reading only committed records; on none if it has no
     * partitions by then.
     */
    private static <V> KafkaConsumer<String, V> fromBeginning(Deserializer<V> values, String topic, Instant deadline) {
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.get().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // A probe is a test waiting: an empty fetch returns at once rather than after 500 ms.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10), new StringDeserializer(), values);
        List<TopicPartition> partitions = partitions(consumer, topic);
        while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
            partitions = partitions(consumer, topic);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a topic", e);
        }
    }

    private static <V> void pollInto(KafkaConsumer<String, V> consumer, Predicate<ConsumerRecord<String, V>> filter,
            List<ConsumerRecord<String, V>> matching) {
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

    /**
     * Waits until the consumer group (a Kafka Streams application id) has committed past the
     * record; under exactly-once, what the application wrote for it is then committed too.
     */
    public static void awaitCommittedPast(String group, RecordMetadata record, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long committed = committedOffset(group, record.topic(), record.partition());
        while (committed <= record.offset()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(group + " has committed " + committed + " on " + record.topic() + "-" + record.partition()
                        + ", not past " + record.offset() + ", after " + timeout);
            }
            sleep(Duration.ofMillis(100));
            committed = committedOffset(group, record.topic(), record.partition());
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
}
