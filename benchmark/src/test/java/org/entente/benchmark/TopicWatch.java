package org.entente.benchmark;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is committed to every partition of a topic from now on (its end offsets when the
 * watch starts), in a thread of its own, and hands each batch to {@code seen}; no consumer group.
 */
final class TopicWatch<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final Consumer<ConsumerRecords<String, V>> seen;
    private final Thread reader;
    private final AtomicBoolean open = new AtomicBoolean(true);

    TopicWatch(BenchBroker broker, String topic, Deserializer<V> values, Consumer<ConsumerRecords<String, V>> seen) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values);
        this.seen = seen;
        var end = broker.endOffsets(topic);
        consumer.assign(end.keySet());
        end.forEach(consumer::seek);
        reader = new Thread(this::read, "watch-" + topic);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (open.get()) {
            seen.accept(consumer.poll(Duration.ofMillis(50)));
        }
        consumer.close();
    }

    @Override
    public void close() {
        open.set(false);
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
