package org.entente.exercise.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.entente.events.EventMetadata;
import org.entente.schemas.EventDeserializer;

/**
 * Reads what the pipeline wrote about one exercise (committed transactions only), from where the
 * topics ended when the replay began: each {@link #catchUp()} returns the exercise's events
 * written since the last one, in each partition's order.
 *
 * <p>A consumer group's transactional offset commit becomes visible before the coordinator has
 * written the commit markers to the output partitions, so the last stable offset can still hide
 * what a step caused right after the group got past it. A catch-up therefore reads to each
 * partition's high watermark as it was when the catch-up began, waiting for the transactions
 * open then to end.
 */
final class PipelineObserver implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final Admin admin;
    private final Duration patience;
    private final String exerciseId;
    private final Map<TopicPartition, Long> readUpTo = new HashMap<>();

    PipelineObserver(ReplaySettings settings, String exerciseId, List<String> topics) {
        Map<String, Object> consumerSettings = new HashMap<>(settings.kafka());
        consumerSettings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerSettings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        this.consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(), new EventDeserializer<>());
        this.admin = Admin.create(settings.kafka());
        this.patience = settings.patience();
        this.exerciseId = exerciseId;
        try {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        } catch (RuntimeException e) {
            // No try-with-resources closes what a failed constructor opened: in a long-running service it would stay open.
            close();
            throw e;
        }
    }

    /** The exercise's events written by now that were not returned before. */
    List<SpecificRecord> catchUp() {
        Map<TopicPartition, Long> ends = highWatermarks();
        long deadline = System.nanoTime() + patience.toNanos();
        List<SpecificRecord> events = new ArrayList<>();
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new ReplayException("the pipeline's transactions up to " + ends + " did not end within " + patience);
            }
            for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(POLL)) {
                readUpTo.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
                if (record.value() != null && Objects.equals(exerciseId, metadata(record.value()).getExerciseId())) {
                    events.add(record.value());
                }
            }
        }
        return events;
    }

    /** The offset after the last record read on each partition of {@code topic} that had one. */
    Map<TopicPartition, Long> readUpTo(String topic) {
        Map<TopicPartition, Long> read = new HashMap<>();
        readUpTo.forEach((partition, next) -> {
            if (partition.topic().equals(topic)) {
                read.put(partition, next);
            }
        });
        return read;
    }

    private Map<TopicPartition, Long> highWatermarks() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        consumer.assignment().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        Pipeline.get(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all())
                .forEach((partition, end) -> ends.put(partition, end.offset()));
        return ends;
    }

    private static EventMetadata metadata(SpecificRecord event) {
        return (EventMetadata) ((GenericRecord) event).get("metadata");
    }

    @Override
    public void close() {
        consumer.close();
        admin.close();
    }
}
