package org.entente.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.entente.schemas.EventDeserializer;
import org.entente.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every change of every alert, as this instance learns it: a consumer of the alert topic with no
 * group, assigned all partitions and starting from their end, reading committed records only.
 * Each instance sees every change whichever partitions its Kafka Streams tasks own, so a PoC's
 * stream may be served by any instance. Records that do not decode are the lifecycle
 * application's business (it dead-letters them); the feed passes over them.
 */
@Component
class AlertFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration JOIN = Duration.ofSeconds(10);

    private final Map<String, Object> config;
    private final InboxStreams streams;
    private final Duration heartbeat;
    private volatile KafkaConsumer<String, SpecificRecord> consumer;
    private volatile Thread thread;

    AlertFeed(KafkaProperties kafka, InboxStreams streams, InboxStreamProperties properties) {
        this.config = consumerConfig(kafka);
        this.streams = streams;
        this.heartbeat = properties.heartbeat();
    }

    static Map<String, Object> consumerConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "notification-service-inbox-feed");
        return config;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new EventDeserializer<>());
        Thread feed = new Thread(this::run, "inbox-feed");
        feed.setDaemon(true);
        thread = feed;
        feed.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        consumer.wakeup();
        streams.closeAll();
        try {
            running.join(JOIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        try (KafkaConsumer<String, SpecificRecord> feed = consumer) {
            assignAllPartitionsAtTheirEnd(feed);
            Instant nextHeartbeat = Instant.now().plus(heartbeat);
            while (thread != null) {
                try {
                    feed.poll(POLL).forEach(record -> AlertChange.of(record.value()).ifPresent(streams::publish));
                } catch (RecordDeserializationException notAnEvent) {
                    feed.seek(notAnEvent.topicPartition(), notAnEvent.offset() + 1);
                }
                if (Instant.now().isAfter(nextHeartbeat)) {
                    streams.heartbeat();
                    nextHeartbeat = Instant.now().plus(heartbeat);
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up: the loop ends.
        } catch (RuntimeException e) {
            log.error("The live inbox feed stopped; open streams get no more changes", e);
        }
    }

    /** Waits for the topic (the broker may be away at start); positions are resolved before changes are read. */
    private void assignAllPartitionsAtTheirEnd(KafkaConsumer<String, SpecificRecord> feed) {
        while (thread != null) {
            try {
                List<TopicPartition> partitions = feed.partitionsFor(Topics.ALERTS.name()).stream()
                        .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                        .toList();
                if (!partitions.isEmpty()) {
                    feed.assign(partitions);
                    feed.seekToEnd(partitions);
                    partitions.forEach(feed::position);
                    return;
                }
            } catch (TimeoutException unreachable) {
                log.warn("The live inbox feed waits for {}: {}", Topics.ALERTS.name(), unreachable.getMessage());
            }
            sleep(RETRY);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
