package org.entente.platform.schemas;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.entente.schemas.EventCodec;
import org.entente.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schemas published on {@link Topics#SCHEMAS}, as Avro's {@link SchemaStore} for
 * {@link EventCodec}: a thread reads the topic from the beginning into memory and goes on
 * following it. Started, it is the codec's store until it is closed.
 * <p>
 * A fingerprint not (yet) in memory waits, up to the lookup timeout, until the reader has caught
 * up with the topic once after the lookup began: a schema published moments before its first
 * record is found; one nobody published costs one catch-up, then the record is refused as before.
 * The consumer is assigned the topic's partitions (no group, nothing committed) and never creates
 * the topic: a topic that does not exist yet is an empty one.
 */
public final class KafkaSchemaStore implements SchemaStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);

    static final Duration POLL = Duration.ofMillis(200);
    static final Duration MISSING_TOPIC_RETRY = Duration.ofSeconds(1);
    static final Duration FAILURE_RETRY = Duration.ofSeconds(5);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<String, String> consumer;
    private final Duration lookupTimeout;
    private final Map<Long, Schema> schemas = new ConcurrentHashMap<>();
    private final Thread reader = new Thread(this::read, "entente-schema-store");
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object progress = new Object();
    /** When the last read that ended caught up with the topic began (System.nanoTime), if one did; guarded by progress. */
    private long caughtUpFrom;
    private boolean caughtUp;

    private KafkaSchemaStore(Map<String, Object> clientConfig, Duration lookupTimeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.keySet().removeAll(List.of(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                CommonClientConfigs.CLIENT_ID_CONFIG));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        this.lookupTimeout = lookupTimeout;
        reader.setDaemon(true);
    }

    /** Starts following the topic with {@code clientConfig} (bootstrap servers, security), and plugs into the codec. */
    public static KafkaSchemaStore start(Map<String, Object> clientConfig, Duration lookupTimeout) {
        KafkaSchemaStore store = new KafkaSchemaStore(clientConfig, lookupTimeout);
        store.reader.start();
        EventCodec.instance().useSchemaStore(store);
        return store;
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        Schema known = schemas.get(fingerprint);
        if (known != null || closed.getCount() == 0) {
            return known;
        }
        long missedAt = System.nanoTime();
        long deadline = missedAt + lookupTimeout.toNanos();
        synchronized (progress) {
            try {
                while (!schemas.containsKey(fingerprint) && !(caughtUp && caughtUpFrom - missedAt >= 0)
                        && closed.getCount() > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return schemas.get(fingerprint);
    }

    @Override
    public void close() {
        EventCodec.instance().stopUsingSchemaStore(this);
        closed.countDown();
        consumer.wakeup();
        try {
            reader.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        List<TopicPartition> partitions = List.of();
        while (closed.getCount() > 0) {
            long started = System.nanoTime();
            try {
                if (partitions.isEmpty()) {
                    partitions = consumer.partitionsFor(Topics.SCHEMAS.name()).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                    if (partitions.isEmpty()) {
                        progressed(started, true);
                        pause(MISSING_TOPIC_RETRY);
                        continue;
                    }
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                consumer.poll(POLL).forEach(this::add);
                progressed(started, partitions.stream().allMatch(partition -> consumer.currentLag(partition).orElse(-1) == 0));
            } catch (WakeupException e) {
                // closed: the loop ends
            } catch (KafkaException e) {
                log.warn("Cannot read the published schemas on {} ({}); trying again in {}", Topics.SCHEMAS.name(), e,
                        FAILURE_RETRY);
                pause(FAILURE_RETRY);
            }
        }
        consumer.close(Duration.ZERO);
    }

    private void add(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        PublishedSchemas.schemaOf(record).ifPresentOrElse(
                schema -> schemas.put(SchemaNormalization.parsingFingerprint64(schema), schema),
                () -> log.warn("Ignoring {}-{}@{}: not a schema filed under its own fingerprint", record.topic(),
                        record.partition(), record.offset()));
    }

    private void progressed(long readStarted, boolean nowCaughtUp) {
        synchronized (progress) {
            if (nowCaughtUp) {
                caughtUp = true;
                caughtUpFrom = readStarted;
            }
            progress.notifyAll();
        }
    }

    private void pause(Duration duration) {
        try {
            closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed.countDown();
        }
    }
}
