package org.entente.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.entente.events.EventMetadata;
import org.entente.events.StateProfile;
import org.entente.schemas.EventSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.web.ErrorResponseException;

/**
 * The decision to replace the producer, against a producer factory that behaves like
 * spring-kafka's shared one: the same producer until {@link ProducerFactory#reset()}.
 */
class DurablePublisherTest {

    static final SpecificRecord EVENT = new StateProfile(new EventMetadata("e-1", java.time.Instant.EPOCH, "test", null), "EE", "Estonia");

    /** Hands out producer number {@code generation}; a failing generation throws {@code failure} on send. */
    static final class ResettableFactory implements ProducerFactory<String, SpecificRecord> {

        final List<RuntimeException> failureOfGeneration = new ArrayList<>();
        final List<MockProducer<String, SpecificRecord>> sentBy = new ArrayList<>();
        int generation;
        int resets;

        ResettableFactory(RuntimeException... failures) {
            failureOfGeneration.addAll(List.of(failures));
        }

        @Override
        public Producer<String, SpecificRecord> createProducer() {
            MockProducer<String, SpecificRecord> producer = new MockProducer<>(true, null, new StringSerializer(),
                    new EventSerializer<>());
            if (generation < failureOfGeneration.size()) {
                producer.sendException = failureOfGeneration.get(generation);
            }
            sentBy.add(producer);
            return producer;
        }

        @Override
        public void reset() {
            resets++;
            generation++;
        }

        int recordsSent() {
            return sentBy.stream().mapToInt(producer -> producer.history().size()).sum();
        }
    }

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    DurablePublisher publisher(ResettableFactory factory) {
        return new DurablePublisher(new KafkaTemplate<>(factory), Duration.ofSeconds(5), meters);
    }

    double resetsCounted() {
        return meters.get(DurablePublisher.RESETS_METRIC).counter().count();
    }

    @Test
    void shouldReplaceAnUnusableProducerAndStoreTheEventOnTheNewOne() {
        ResettableFactory factory = new ResettableFactory(new ClusterAuthorizationException("no IdempotentWrite"));

        publisher(factory).publish("t", "k", EVENT);

        assertThat(factory.resets).isEqualTo(1);
        assertThat(factory.recordsSent()).isEqualTo(1);
        assertThat(factory.sentBy.get(factory.sentBy.size() - 1).history()).singleElement()
                .satisfies(record -> assertThat(record.key()).isEqualTo("k"));
        assertThat(resetsCounted()).isEqualTo(1.0);
    }

    @Test
    void shouldKeepTheProducerWhenKafkaIsOnlySlowAndAnswer503() {
        ResettableFactory factory = new ResettableFactory(new TimeoutException("Expiring 1 record(s)"));

        assertThatThrownBy(() -> publisher(factory).publish("t", "k", EVENT))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
                    assertThat(e.getBody().getDetail()).contains("is unknown").contains("same Idempotency-Key")
                            .doesNotContain("nothing was recorded");
                });

        assertThat(factory.resets).isZero();
        assertThat(factory.recordsSent()).isZero();
        assertThat(resetsCounted()).isZero();
    }

    @Test
    void shouldAnswer503WhenTheNewProducerFailsTooAndReplaceItOnItsNextFailure() {
        ClusterAuthorizationException denied = new ClusterAuthorizationException("no IdempotentWrite");
        ResettableFactory factory = new ResettableFactory(denied, denied, denied);
        DurablePublisher publisher = publisher(factory);

        assertThatThrownBy(() -> publisher.publish("t", "k", EVENT)).isInstanceOf(ErrorResponseException.class);
        assertThat(factory.resets).as("one replacement per request, not per failure").isEqualTo(1);

        assertThatThrownBy(() -> publisher.publish("t", "k", EVENT)).isInstanceOf(ErrorResponseException.class);
        assertThat(factory.resets).isEqualTo(2);

        publisher.publish("t", "k", EVENT);
        assertThat(factory.resets).isEqualTo(3);
        assertThat(factory.recordsSent()).isEqualTo(1);
    }

    @Test
    void shouldPublishAgainWhatAnUnusableProducerRefusedInABatchReplacingItOnce() {
        ResettableFactory factory = new ResettableFactory(new ClusterAuthorizationException("no IdempotentWrite"));
        List<ProducerRecord<String, SpecificRecord>> batch = List.of(
                new ProducerRecord<>("t", "a", EVENT), new ProducerRecord<>("t", "b", EVENT), new ProducerRecord<>("t", "c", EVENT));

        publisher(factory).publishAll(batch);

        assertThat(factory.resets).as("one replacement for the whole batch").isEqualTo(1);
        assertThat(factory.sentBy.stream().flatMap(producer -> producer.history().stream()).map(ProducerRecord::key))
                .containsExactly("a", "b", "c");
    }

    @Test
    void shouldPublishEveryRecordOfABatch() {
        ResettableFactory factory = new ResettableFactory();
        List<ProducerRecord<String, SpecificRecord>> batch = List.of(
                new ProducerRecord<>("t", "a", EVENT), new ProducerRecord<>("t", "b", EVENT));

        publisher(factory).publishAll(batch);

        assertThat(factory.resets).isZero();
        assertThat(factory.recordsSent()).isEqualTo(2);
    }
}
