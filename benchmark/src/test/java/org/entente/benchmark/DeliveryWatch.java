package org.entente.benchmark;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertIssued;
import org.entente.schemas.EventDeserializer;
import org.entente.schemas.Topics;

/**
 * Notes, from now on, when each alert reaches its recipient's inbox: notification-service stores
 * an alert in the inbox and writes its {@code AlertDelivered} to {@code alert.events.v1} in one
 * Kafka transaction, so once that record is readable (read_committed) the inbox lists the alert.
 * {@code AlertIssued} tells which incident an alert belongs to.
 */
final class DeliveryWatch implements AutoCloseable {

    private final Map<String, String> incidentOfAlert = new ConcurrentHashMap<>();
    private final Map<String, Long> deliveredNanos = new ConcurrentHashMap<>();
    private final TopicWatch<SpecificRecord> watch;

    DeliveryWatch(BenchBroker broker) {
        watch = new TopicWatch<>(broker, Topics.ALERTS.name(), new EventDeserializer<>(), this::seen);
    }

    private void seen(ConsumerRecords<String, SpecificRecord> records) {
        long now = System.nanoTime();
        for (ConsumerRecord<String, SpecificRecord> record : records) {
            if (record.value() instanceof AlertIssued issued) {
                incidentOfAlert.put(issued.getAlertId(), issued.getIncidentId());
            } else if (record.value() instanceof AlertDelivered delivered) {
                deliveredNanos.putIfAbsent(delivered.getAlertId(), now);
            }
        }
    }

    /** Alert id → incident id, for every alert issued since the watch started. */
    Map<String, String> issued() {
        return incidentOfAlert;
    }

    /** How many alerts of these incidents have been seen delivered. */
    long deliveredOf(Set<String> incidents) {
        return incidentOfAlert.entrySet().stream()
                .filter(alert -> incidents.contains(alert.getValue()) && deliveredNanos.containsKey(alert.getKey()))
                .count();
    }

    /** When the alert was seen delivered (System.nanoTime), or null. */
    Long deliveredAt(String alertId) {
        return deliveredNanos.get(alertId);
    }

    @Override
    public void close() {
        watch.close();
    }
}
