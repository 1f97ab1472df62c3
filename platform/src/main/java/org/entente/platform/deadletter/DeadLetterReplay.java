package org.entente.platform.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.entente.platform.kafka.ProducerFailures;
import org.entente.platform.schemas.KafkaSchemaStore;
import org.entente.schemas.EventCodec;
import org.entente.schemas.Topics;
import org.entente.schemas.UndecodableEventException;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Moves the records of a catalogue topic's dead-letter topic back to the topic, once what made its
 * consumers refuse them is fixed ({@link ReplayDeadLetters} is the command line). Each goes back
 * as it came: key, value bytes, headers (less the {@code kafka_dlt-*} ones the dead-lettering
 * added), source partition and timestamp.
 * <p>
 * It reads the dead-letter topic from its consumer group's committed position to the end as of
 * the start, and writes what it replays in Kafka transactions together with the group's new
 * position: a record is replayed once, however often the replay is run or interrupted. Its
 * transactional id is fixed per group and dead-letter topic, so two replays of one topic at once
 * fence each other rather than both replaying.
 * <p>
 * It skips, and moves past: a record that still does not decode (schemas resolved as a service
 * would: current, released, then published), which would only be dead-lettered again; a copy of a
 * record already handled, as when two consumer groups of the topic both dead-lettered it (the
 * whole topic is read for that; a record replayed goes to every consumer group of its topic,
 * whose consumers are idempotent); one dead-lettered before {@code since}; and a record without
 * the headers that say where it came from.
 */
public final class DeadLetterReplay {

    public static final String DEFAULT_GROUP = "entente-dead-letter-replay";

    static final String DEAD_LETTER_HEADER_PREFIX = KafkaHeaders.PREFIX + "dlt-";
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration SCHEMA_LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    /** A record of the dead-letter topic. */
    public record Letter(String topic, int partition, long offset, String key) {

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset + " (key " + key + ")";
        }
    }

    /** {@code deadLetteredFor}: the exception class and message its consumer gave. */
    public record Replayed(Letter letter, String toTopic, int toPartition, String deadLetteredFor) {
    }

    public record Skipped(Letter letter, String reason) {
    }

    public record Outcome(List<Replayed> replayed, List<Skipped> skipped) {
    }

    private record Origin(String topic, int partition, long offset) {

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    private final Map<String, Object> clientConfig;
    private final String group;

    /** {@code clientConfig}: bootstrap servers and the security settings of every client. */
    public DeadLetterReplay(Map<String, Object> clientConfig, String group) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.group = group;
    }

    /**
     * Replays the dead letters of catalogue topic {@code topic} dead-lettered at or after
     * {@code since} (null: whenever). With {@code dryRun} it only says what it would do: nothing
     * is written, the group's position stays.
     */
    public Outcome replay(String topic, Instant since, boolean dryRun) {
        String deadLetters = Topics.deadLettersOf(topic).name();
        List<Replayed> replayed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try (KafkaSchemaStore schemas = KafkaSchemaStore.start(clientConfig, SCHEMA_LOOKUP_TIMEOUT);
                Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
                Producer<byte[], byte[]> producer = dryRun ? null : transactionalProducer(deadLetters)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("There is no topic " + deadLetters + " on this cluster");
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> from = new HashMap<>();
            consumer.committed(new HashSet<>(partitions))
                    .forEach((partition, committed) -> from.put(partition, committed == null ? 0 : committed.offset()));
            consumer.seekToBeginning(partitions);
            if (producer != null) {
                producer.initTransactions();
            }
            Set<Origin> handled = new HashSet<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                List<ProducerRecord<byte[], byte[]>> toReplay = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    Origin origin = origin(record);
                    if (record.offset() < from.get(partition)) {
                        if (origin != null) {
                            handled.add(origin);
                        }
                        continue;
                    }
                    next.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    Letter letter = new Letter(record.topic(), record.partition(), record.offset(), text(record.key()));
                    String reason = reasonToSkip(record, origin, topic, handled, since);
                    if (origin != null) {
                        handled.add(origin);
                    }
                    if (reason != null) {
                        skipped.add(new Skipped(letter, reason));
                    } else {
                        replayed.add(new Replayed(letter, topic, origin.partition(), deadLetteredFor(record)));
                        toReplay.add(new ProducerRecord<>(topic, origin.partition(), originalTimestamp(record), record.key(),
                                record.value(), withoutDeadLetterHeaders(record)));
                    }
                }
                if (producer != null && !next.isEmpty()) {
                    commit(producer, consumer, toReplay, next);
                }
            }
        }
        return new Outcome(List.copyOf(replayed), List.copyOf(skipped));
    }

    private static void commit(Producer<byte[], byte[]> producer, Consumer<byte[], byte[]> consumer,
            List<ProducerRecord<byte[], byte[]>> records, Map<TopicPartition, OffsetAndMetadata> next) {
        producer.beginTransaction();
        try {
            records.forEach(producer::send);
            producer.sendOffsetsToTransaction(next, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (KafkaException e) {
            if (!ProducerFailures.isFatal(e)) {
                producer.abortTransaction();
            }
            throw e;
        }
    }

    private static String reasonToSkip(ConsumerRecord<byte[], byte[]> record, Origin origin, String topic, Set<Origin> handled,
            Instant since) {
        if (origin == null) {
            return "not a dead letter: no " + KafkaHeaders.DLT_ORIGINAL_TOPIC + ", -partition and -offset headers";
        }
        if (!origin.topic().equals(topic)) {
            return "dead-lettered from " + origin.topic() + ", not from " + topic;
        }
        if (handled.contains(origin)) {
            return "another dead letter of " + origin + " (from another consumer group) was handled before";
        }
        if (since != null && Instant.ofEpochMilli(record.timestamp()).isBefore(since)) {
            return "dead-lettered at " + Instant.ofEpochMilli(record.timestamp()) + ", before " + since;
        }
        if (record.value() != null) {
            try {
                EventCodec.instance().decode(record.value());
            } catch (UndecodableEventException e) {
                return "still does not decode: " + e.getMessage();
            }
        }
        return null;
    }

    private static Origin origin(ConsumerRecord<byte[], byte[]> record) {
        byte[] topic = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        byte[] partition = header(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        byte[] offset = header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
        if (topic == null || partition == null || offset == null) {
            return null;
        }
        return new Origin(text(topic), ByteBuffer.wrap(partition).getInt(), ByteBuffer.wrap(offset).getLong());
    }

    private static Long originalTimestamp(ConsumerRecord<byte[], byte[]> record) {
        byte[] timestamp = header(record, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
        return timestamp == null ? null : ByteBuffer.wrap(timestamp).getLong();
    }

    private static String deadLetteredFor(ConsumerRecord<byte[], byte[]> record) {
        return text(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)) + ": " + text(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
    }

    private static RecordHeaders withoutDeadLetterHeaders(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static byte[] header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return config;
    }

    private Producer<byte[], byte[]> transactionalProducer(String deadLetters) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-" + deadLetters);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
