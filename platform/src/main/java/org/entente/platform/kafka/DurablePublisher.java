package org.entente.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Publishes an event from an HTTP request and returns only once Kafka acknowledged it (the
 * producer runs with acks=all and idempotence). When Kafka cannot take the write in time the
 * caller gets a 503 problem detail, never a success for something that was not stored.
 * <p>
 * A failure that leaves the producer unusable ({@link ProducerFailures#isFatal}) replaces it:
 * the producer factory is reset, so the next send creates a new producer, and this send is tried
 * once more on it within what remains of the acknowledgement timeout (the failed attempt stored
 * nothing: a fatal error refuses the write). spring-kafka itself replaces a non-transactional
 * producer only after an {@code OutOfOrderSequenceException}. Failures of one generation of
 * producer reset it once, however many requests saw them.
 */
public class DurablePublisher {

    private static final Logger log = LoggerFactory.getLogger(DurablePublisher.class);

    static final String RESETS_METRIC = "entente.kafka.producer.resets";
    static final String RETRY_AFTER_SECONDS = "5";

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final Duration ackTimeout;
    private final Counter resets;
    private final AtomicLong generation = new AtomicLong();

    public DurablePublisher(KafkaTemplate<String, SpecificRecord> kafka, Duration ackTimeout) {
        this(kafka, ackTimeout, new SimpleMeterRegistry());
    }

    public DurablePublisher(KafkaTemplate<String, SpecificRecord> kafka, Duration ackTimeout, MeterRegistry meters) {
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
        this.resets = Counter.builder(RESETS_METRIC)
                .description("Producers of HTTP requests replaced after a failure that left them unusable")
                .register(meters);
    }

    public void publish(String topic, String key, SpecificRecord event) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        long producerGeneration = generation.get();
        try {
            send(topic, key, event, ackTimeout.toNanos());
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            if (!ProducerFailures.isFatal(e)) {
                throw unavailable(topic, key, e);
            }
            replaceProducer(producerGeneration, e);
            try {
                send(topic, key, event, Math.max(0, deadline - System.nanoTime()));
            } catch (RuntimeException | ExecutionException | TimeoutException retry) {
                throw unavailable(topic, key, retry);
            }
        }
    }

    /**
     * Publishes many events, all sent before any acknowledgement is awaited, so they travel in a
     * few batches rather than a round trip each; returns once Kafka acknowledged every one. One
     * that failed is published again on its own ({@link #publish}, which replaces an unusable
     * producer), in order.
     */
    public void publishAll(List<ProducerRecord<String, SpecificRecord>> records) {
        List<CompletableFuture<?>> sent = records.stream().map(this::sendQuietly).toList();
        for (int i = 0; i < records.size(); i++) {
            try {
                sent.get(i).get(ackTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                ProducerRecord<String, SpecificRecord> failed = records.get(i);
                publish(failed.topic(), failed.key(), failed.value());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable(records.get(i).topic(), records.get(i).key(), e);
            }
        }
    }

    /** A send that throws at once (an unusable producer) is a failed future like one that fails later. */
    private CompletableFuture<?> sendQuietly(ProducerRecord<String, SpecificRecord> record) {
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void send(String topic, String key, SpecificRecord event, long timeoutNanos)
            throws ExecutionException, TimeoutException {
        try {
            kafka.send(topic, key, event).get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(topic, key, e);
        }
    }

    private void replaceProducer(long failedGeneration, Exception cause) {
        if (generation.compareAndSet(failedGeneration, failedGeneration + 1)) {
            log.warn("The Kafka producer is unusable ({}); replacing it", cause.toString());
            kafka.getProducerFactory().reset();
            resets.increment();
        }
    }

    private static ErrorResponseException unavailable(String topic, String key, Exception cause) {
        if (cause instanceof ErrorResponseException already) {
            return already;
        }
        log.warn("Kafka did not acknowledge a write to {} (key {}): {}", topic, key, cause.toString());
        // A send that timed out may still land: only the idempotency key makes a retry safe.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not confirm the write in time, so whether it was recorded is unknown. Retry with the same "
                        + "Idempotency-Key: a retry without one may record it twice.");
        problem.setTitle("Outcome unknown");
        ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, cause);
        unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return unavailable;
    }
}
