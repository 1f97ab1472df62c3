package org.entente.platform.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Publishes an event from an HTTP request and returns only once Kafka acknowledged it (the
 * producer runs with acks=all and idempotence). When Kafka cannot take the write in time the
 * caller gets a 503 problem detail, never a success for something that was not stored.
 */
public class DurablePublisher {

    private static final Logger log = LoggerFactory.getLogger(DurablePublisher.class);

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final Duration ackTimeout;

    public DurablePublisher(KafkaTemplate<String, SpecificRecord> kafka, Duration ackTimeout) {
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
    }

    public void publish(String topic, String key, SpecificRecord event) {
        try {
            kafka.send(topic, key, event).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(topic, key, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(topic, key, e);
        }
    }

    private static ErrorResponseException unavailable(String topic, String key, Exception cause) {
        log.warn("Kafka did not acknowledge a write to {} (key {}): {}", topic, key, cause.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The change could not be stored durably; nothing was recorded. Retry later.");
        problem.setTitle("Event store unavailable");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, cause);
    }
}
