package org.entente.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.entente.schemas.EventCodec;
import org.entente.schemas.UndecodableEventException;

/**
 * Reads a whole topic from offset 0 as an outside consumer with {@code read_committed}: records of
 * aborted transactions are never seen. Each {@link #catchUp()} returns what was committed since the
 * previous one, decoded; records that are not Entente events are returned with a null event.
 */
final class TopicReader implements AutoCloseable {

    /** A record as read: where it is, its key, its raw bytes and the event (null if undecodable). */
    record Read(int partition, long offset, String key, byte[] value, SpecificRecord event, List<String> headers) {
    }

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;

    TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything committed on the topic up to now that this reader has not returned yet. */
    List<Read> catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        List<Read> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!reached(end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Could not read " + topic + " up to " + end);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                records.add(new Read(record.partition(), record.offset(), record.key(), record.value(), decode(record.value()),
                        java.util.Arrays.stream(record.headers().toArray()).map(header -> header.key()).toList()));
            }
        }
        return records;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey(), Duration.ofSeconds(30)) >= entry.getValue());
    }

    static SpecificRecord decode(byte[] value) {
        try {
            return value == null ? null : EventCodec.instance().decode(value);
        } catch (UndecodableEventException e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
