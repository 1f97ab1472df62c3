package org.entente.incident.intake;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.entente.events.IncidentReported;
import org.entente.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Writes a report to the incident topic and returns only once Kafka acknowledged it (acks=all). */
@Component
class IncidentPublisher {

    private static final Logger log = LoggerFactory.getLogger(IncidentPublisher.class);

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final IntakeProperties properties;

    IncidentPublisher(KafkaTemplate<String, SpecificRecord> kafka, IntakeProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    void publish(IncidentReported incident) {
        try {
            kafka.send(Topics.INCIDENTS.name(), incident.getIncidentId(), incident)
                    .get(properties.kafkaAckTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(incident, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(incident, e);
        }
    }

    private static ErrorResponseException unavailable(IncidentReported incident, Exception cause) {
        log.warn("Kafka did not acknowledge incident {}: {}", incident.getIncidentId(), cause.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The report could not be stored durably; nothing was recorded. Retry later.");
        problem.setTitle("Incident store unavailable");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, cause);
    }
}
