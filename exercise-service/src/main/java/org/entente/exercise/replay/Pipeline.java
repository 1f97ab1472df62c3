package org.entente.exercise.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.entente.schemas.EventSerializer;

/**
 * What a replay does to the pipeline: writes events (acknowledged by every in-sync replica) and
 * waits until a consumer group of the pipeline has committed past them. Kafka Streams commits
 * an input offset in the same transaction as what processing it wrote, so a group past an
 * offset means every event that record caused is readable.
 */
final class Pipeline implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);

    private final KafkaProducer<String, SpecificRecord> producer;
    private final Admin admin;
    private final Duration patience;

    Pipeline(ReplaySettings settings) {
        Map<String, Object> producerSettings = new HashMap<>(settings.kafka());
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new EventSerializer<>());
        this.admin = Admin.create(settings.kafka());
        this.patience = settings.patience();
    }

    /** Writes the records in order and returns, once all are acknowledged, the offset after the last one on each partition. */
    Map<TopicPartition, Long> write(List<ProducerRecord<String, SpecificRecord>> records) {
        List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
        producer.flush();
        Map<TopicPartition, Long> next = new HashMap<>();
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata written = get(future);
            next.merge(new TopicPartition(written.topic(), written.partition()), written.offset() + 1, Math::max);
        }
        return next;
    }

    int partitions(String topic) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
    }

    /** Waits until {@code group} has committed at least {@code next} on every partition named. */
    void awaitConsumed(String group, Map<TopicPartition, Long> next) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata());
            boolean past = next.entrySet().stream().allMatch(target -> {
                OffsetAndMetadata offset = committed.get(target.getKey());
                return offset != null && offset.offset() >= target.getValue();
            });
            if (past) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ReplayException(group + " did not get past " + next + " within " + patience + " (committed: "
                        + committed + "); is notification-service running on this broker?");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted", e);
        }
    }

    /** Kafka's futures too ({@code KafkaFuture} is one). */
    static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted", e);
        } catch (ExecutionException e) {
            throw new ReplayException("Kafka refused: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
