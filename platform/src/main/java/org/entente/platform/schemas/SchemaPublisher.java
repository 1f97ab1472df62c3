package org.entente.platform.schemas;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.Schema;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.entente.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the schemas a service writes on {@link Topics#SCHEMAS} when it starts, so that a
 * reader of an older release resolves its records ({@link KafkaSchemaStore}). Publishing again
 * is harmless: same key, same value, compacted away. It runs in the background and never holds up
 * the start: the producer retries until the broker takes every schema or the service stops; the
 * outcome is logged.
 */
public class SchemaPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchemaPublisher.class);

    private final Map<String, Object> producerConfig;
    private final List<Schema> schemas;
    private volatile Producer<String, String> producer;

    public SchemaPublisher(Map<String, Object> clientConfig, List<Schema> schemas) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.keySet().removeAll(List.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, CommonClientConfigs.CLIENT_ID_CONFIG));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.MAX_VALUE);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        this.producerConfig = config;
        this.schemas = List.copyOf(schemas);
    }

    @Override
    public void start() {
        Producer<String, String> publisher = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        producer = publisher;
        Thread publishing = new Thread(() -> publish(publisher), "entente-schema-publisher");
        publishing.setDaemon(true);
        publishing.start();
    }

    /** Gives up what is not published yet: the next start publishes it. */
    @Override
    public void stop() {
        Producer<String, String> publisher = producer;
        producer = null;
        if (publisher != null) {
            publisher.close(Duration.ZERO);
        }
    }

    @Override
    public boolean isRunning() {
        return producer != null;
    }

    /** Before the bindings (which start in late phases), so that the schemas usually land before the first record. */
    @Override
    public int getPhase() {
        return 0;
    }

    private void publish(Producer<String, String> publisher) {
        AtomicInteger published = new AtomicInteger();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        try (publisher) {
            for (Schema schema : schemas) {
                publisher.send(PublishedSchemas.record(schema), (metadata, failure) -> {
                    if (failure == null) {
                        published.incrementAndGet();
                    } else {
                        firstFailure.compareAndSet(null, failure);
                    }
                });
            }
            publisher.flush();
        } catch (KafkaException | IllegalStateException e) {
            firstFailure.compareAndSet(null, e);
        }
        if (firstFailure.get() == null) {
            log.info("Published {} schemas on {}", published.get(), Topics.SCHEMAS.name());
        } else if (isRunning()) {
            log.warn("Published {} of {} schemas on {}; readers of older releases will dead-letter records written "
                    + "with the others ({})", published.get(), schemas.size(), Topics.SCHEMAS.name(), firstFailure.get().toString());
        }
    }
}
