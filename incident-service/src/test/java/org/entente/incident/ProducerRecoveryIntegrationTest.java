package org.entente.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.entente.schemas.Topics;
import org.entente.testing.TestTokens;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.entente.testing.WithReferenceStates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.core.ProducerPostProcessor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Intake's producer becoming unusable under it, on a real broker: the Kafka producer behind
 * spring-kafka's shared producer is closed (it then refuses every send, as a producer in a fatal
 * state does), which spring-kafka does not notice; the next report still gets its 202, on a new
 * producer, and is stored once. Shares the context of {@link IncidentApiIntegrationTest}.
 */
@WithKafkaBroker
@WithReferenceStates
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = IncidentServiceApplication.CONFIG_NAME)
class ProducerRecoveryIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ProducerFactory<Object, Object> producers;

    @Autowired
    MeterRegistry meters;

    RestTestClient http;

    @BeforeEach
    void connect() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void shouldReplaceAnUnusableProducerAndStoreTheReportOnTheNewOne() {
        List<Producer<Object, Object>> created = new CopyOnWriteArrayList<>();
        ProducerPostProcessor<Object, Object> capture = producer -> {
            created.add(producer);
            return producer;
        };
        producers.addPostProcessor(capture);
        try {
            producers.reset();
            report();
            assertThat(created).hasSize(1);
            double resetsBefore = meters.get("entente.kafka.producer.resets").counter().count();

            created.get(0).close(Duration.ofSeconds(5));
            String id = report();

            assertThat(created).as("a new producer").hasSize(2);
            assertThat(meters.get("entente.kafka.producer.resets").counter().count() - resetsBefore).isEqualTo(1.0);
            assertThat(TopicProbe.readToEnd(Topics.INCIDENTS.name(), record -> id.equals(record.key()))).hasSize(1);
        } finally {
            producers.removePostProcessor(capture);
        }
    }

    private String report() {
        return (String) http.post().uri("/api/v1/incidents")
                .header("Authorization", TestTokens.bearer("poc-ee"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(IdempotentIntakeIntegrationTest.report())
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
