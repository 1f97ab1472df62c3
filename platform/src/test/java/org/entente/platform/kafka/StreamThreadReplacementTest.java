package org.entente.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.entente.platform.schemas.EmbeddedBroker;
import org.entente.platform.schemas.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

@EmbeddedBroker
class StreamThreadReplacementTest {

    private static final String IN = "thread-replacement-in";
    private static final String OUT = "thread-replacement-out";

    @Test
    void shouldReplaceADeadStreamThreadSoThatTheApplicationGoesOnExactlyOnce(EmbeddedKafkaBroker broker,
            @TempDir Path stateDir) throws Exception {
        // Given an exactly-once application whose processor dies of an unforeseen exception on the first record it sees
        TestKafka.createTopics(broker, TopicBuilder.name(IN).partitions(1).build(), TopicBuilder.name(OUT).partitions(1).build());
        AtomicBoolean failed = new AtomicBoolean();
        StreamsBuilder topology = new StreamsBuilder();
        topology.stream(IN, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> {
                    if (failed.compareAndSet(false, true)) {
                        throw new IllegalStateException("a timeout while the brokers elect new leaders");
                    }
                    return value;
                })
                .to(OUT, Produced.with(Serdes.String(), Serdes.String()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "thread-replacement");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // The dead thread's consumer leaves no group: its replacement waits out the old member's session.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        try (KafkaStreams streams = new KafkaStreams(topology.build(), config)) {
            new StreamThreadReplacement("thread-replacement", Clock.systemUTC()).customize(streams);
            streams.start();

            // When two records arrive
            TestKafka.send(broker, new ProducerRecord<>(IN, "k", "first"));
            TestKafka.send(broker, new ProducerRecord<>(IN, "k", "second"));

            // Then the thread that died is replaced, picks up from the last commit, and each record is written once
            await().atMost(Duration.ofSeconds(60)).until(() -> committedValues(broker).size() >= 2);
            assertThat(failed).isTrue();
            assertThat(committedValues(broker)).containsExactly("first", "second");
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    @Test
    void shouldShutTheClientDownWhenThreadsKeepDyingWithinAMinuteAndReplaceThemAgainOnceItPassed() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:00Z"));
        StreamThreadReplacement replacement = new StreamThreadReplacement("app", now::get);
        RuntimeException failure = new IllegalStateException("again");

        for (int i = 0; i < StreamThreadReplacement.MAX_REPLACEMENTS; i++) {
            assertThat(replacement.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now.updateAndGet(instant -> instant.plusSeconds(1));
        }
        assertThat(replacement.handle(failure)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);

        now.updateAndGet(instant -> instant.plus(StreamThreadReplacement.WINDOW));
        assertThat(replacement.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    private static List<String> committedValues(EmbeddedKafkaBroker broker) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(OUT, 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> values = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }
}
