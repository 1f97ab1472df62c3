package org.entente.benchmark;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes incidents straight to a topic, as intake would publish them (keyed by incident id, with
 * Entente's producer settings), the reporting states taking turns; returns once Kafka has them all.
 */
final class IncidentWriter implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final List<String> reporters;
    private int turn;

    IncidentWriter(String bootstrapServers, List<String> reporters) {
        this.producer = new KafkaProducer<>(EntenteProducerSettings.forBroker(bootstrapServers));
        this.reporters = reporters;
    }

    void write(String topic, int incidents) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int i = 0; i < incidents; i++) {
            var incident = SampleIncident.event(reporters.get(turn++ % reporters.size()));
            producer.send(new ProducerRecord<>(topic, incident.getIncidentId(), incident), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Writing incidents to " + topic + " failed", failure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
