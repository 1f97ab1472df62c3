package org.entente.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.entente.events.EventMetadata;
import org.entente.events.StateProfile;
import org.entente.schemas.Topics;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * How the service stops: the web server drains requests in flight for a bounded time, and the
 * producer intake publishes with hands every record it holds to Kafka when it is destroyed.
 * Shares the context of {@link IncidentApiIntegrationTest}.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = IncidentServiceApplication.CONFIG_NAME)
class ShutdownIntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    KafkaProperties kafka;

    @Test
    void shouldDrainRequestsForABoundedTimeBeforeStopping() {
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class))
                .isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void shouldFlushWhatTheProducerHoldsWhenItIsDestroyed() throws Exception {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        // Records would wait a minute in the producer's buffer if nothing flushed them.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 60_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        DefaultKafkaProducerFactory<String, SpecificRecord> factory = new DefaultKafkaProducerFactory<>(settings);
        String key = "flush-" + UUID.randomUUID();

        new KafkaTemplate<>(factory).send(Topics.STATES.name(), key,
                new StateProfile(new EventMetadata(key, java.time.Instant.EPOCH, "test", null), "ZZ", "Nowhere"));
        factory.destroy();

        assertThat(TopicProbe.read(Topics.STATES.name(), record -> key.equals(record.key()), found -> !found.isEmpty(),
                Duration.ofSeconds(10))).hasSize(1);
    }
}
