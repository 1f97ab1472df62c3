package org.entente.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.entente.testing.process.Broker;

/**
 * The standalone broker of the run (started as deploy/local/run.sh starts it, on free ports) and
 * what the benchmark asks it: topics for the raw measurements, end offsets, a consumer group's lag,
 * emptying a topic between measurements.
 */
final class BenchBroker implements AutoCloseable {

    /** As many partitions as the catalogue's topics have (platform's entente.topics.partitions). */
    static final int PARTITIONS = 6;
    /** A drained partition is behind by at most the marker of the last transaction. */
    private static final int MARKERS_TO_CHECK = 2;

    private final Broker broker;
    private final Admin admin;
    private final long startUpNanos;
    /** Whether a partition held only markers between two offsets: once read, it stays so. */
    private final Map<List<Object>, Boolean> onlyMarkersSeen = new ConcurrentHashMap<>();
    /** Every catalogue and benchmark topic has {@link #PARTITIONS} once created, and keeps them. */
    private final Map<String, List<TopicPartition>> partitionsOf = new ConcurrentHashMap<>();
    private KafkaConsumer<byte[], byte[]> markerReader;

    BenchBroker(String classpath, Path home) {
        broker = new Broker(classpath, home);
        long started = System.nanoTime();
        broker.create();
        startUpNanos = System.nanoTime() - started;
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        admin = Admin.create(settings);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    long pid() {
        return broker.pid();
    }

    /** From starting the process to the broker answering an admin request. */
    long startUpNanos() {
        return startUpNanos;
    }

    /** Creates the topic and returns once the broker describes it (metadata follows creation by a moment). */
    void createTopic(String name) {
        get(admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all());
        Progress.await("topic " + name + " to appear", () -> Progress.Status.counted(1, described(name) ? 1 : 0));
    }

    private boolean described(String topic) {
        try {
            return partitions(topic).size() == PARTITIONS;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    List<TopicPartition> partitions(String topic) {
        List<TopicPartition> known = partitionsOf.get(topic);
        if (known != null) {
            return known;
        }
        int count = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
        List<TopicPartition> partitions = IntStream.range(0, count)
                .mapToObj(partition -> new TopicPartition(topic, partition)).toList();
        if (count == PARTITIONS) {
            partitionsOf.put(topic, partitions);
        }
        return partitions;
    }

    /** The offsets after the last committed record of each partition. */
    Map<TopicPartition, Long> endOffsets(String topic) {
        return offsets(partitions(topic), OffsetSpec.latest());
    }

    /**
     * How far {@code group} has consumed and committed {@code topic}: its lag (committed transactions
     * count, open ones not) and, as what is done, the sum of its committed offsets. A consumer that
     * is not transactional commits the offset after its last record, never after the commit marker
     * that follows it (KAFKA-10683), so a partition whose only records left are markers counts as
     * consumed.
     */
    Progress.Status consumed(String group, String topic) {
        return consumed(Map.of(group, List.of(topic))).get(group);
    }

    /**
     * {@link #consumed(String, String)} of several groups at once, each over all of its input
     * topics, from one reading of their committed offsets and the topics' offsets (four admin
     * requests), so that the groups' figures are of the same moment.
     */
    Map<String, Progress.Status> consumed(Map<String, List<String>> topicsOfGroup) {
        List<TopicPartition> partitions = topicsOfGroup.values().stream().flatMap(List::stream).distinct()
                .flatMap(topic -> partitions(topic).stream()).toList();
        Map<String, ListConsumerGroupOffsetsSpec> groups = new LinkedHashMap<>();
        topicsOfGroup.keySet().forEach(group -> groups.put(group, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = get(admin.listConsumerGroupOffsets(groups).all());
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<String, Progress.Status> consumed = new LinkedHashMap<>();
        topicsOfGroup.forEach((group, topics) -> {
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(group, Map.of());
            long lag = 0;
            long position = 0;
            for (TopicPartition partition : partitions) {
                if (!topics.contains(partition.topic())) {
                    continue;
                }
                OffsetAndMetadata offset = offsets.get(partition);
                long at = offset == null ? start.get(partition) : offset.offset();
                long behind = Math.max(0, end.get(partition) - at);
                if (behind > 0 && behind <= MARKERS_TO_CHECK && onlyMarkers(partition, at, end.get(partition))) {
                    behind = 0;
                }
                lag += behind;
                position += at;
            }
            consumed.put(group, new Progress.Status(lag, position));
        });
        return consumed;
    }

    /** Whether a read-committed consumer finds no record between {@code from} and {@code end}. */
    private boolean onlyMarkers(TopicPartition partition, long from, long end) {
        return onlyMarkersSeen.computeIfAbsent(List.of(partition, from, end), ignored -> readOnlyMarkers(partition, from, end));
    }

    /**
     * One consumer for every check, kept: a new one per check took about a second (connection,
     * metadata), and a drain's readings check dozens of partitions.
     */
    private synchronized boolean readOnlyMarkers(TopicPartition partition, long from, long end) {
        if (markerReader == null) {
            Properties settings = new Properties();
            settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
            markerReader = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        markerReader.assign(List.of(partition));
        markerReader.seek(partition, from);
        while (markerReader.position(partition) < end) {
            if (!markerReader.poll(Duration.ofMillis(200)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the group is not rebalancing and its members have every partition of {@code topic} between them. */
    boolean settled(String group, String topic) {
        ConsumerGroupDescription description = get(admin.describeConsumerGroups(List.of(group)).all()).get(group);
        Set<TopicPartition> assigned = description.members().stream()
                .flatMap(member -> member.assignment().topicPartitions().stream())
                .collect(Collectors.toSet());
        return description.groupState() == GroupState.STABLE && assigned.containsAll(partitions(topic));
    }

    /** Deletes every record of {@code topic}: a consumer that has not read it yet starts at its end. */
    void empty(String topic) {
        Map<TopicPartition, RecordsToDelete> all = endOffsets(topic).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, end -> RecordsToDelete.beforeOffset(end.getValue())));
        get(admin.deleteRecords(all).all());
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, ListOffsetsResultInfo> offsets = get(admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (markerReader != null) {
                markerReader.close();
            }
        }
        admin.close(Duration.ofSeconds(5));
        broker.stop();
    }
}
