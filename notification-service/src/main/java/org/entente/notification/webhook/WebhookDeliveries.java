package org.entente.notification.webhook;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.entente.schemas.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Delivers the alert events of {@code alert.events.v1} to the webhooks of the contacts they name:
 * a {@link KafkaListener} in group {@code entente.webhooks.group}, one consumer per partition,
 * whose container ({@link WebhookConfiguration}) commits a record's offset only once the listener
 * returned or the record was dead-lettered. A delivery is a signed POST of the alert to each of
 * the contact's webhook addresses. A call that may succeed later makes the listener throw
 * {@link RetryableWebhookException}: the container's error handler waits the backoff and hands
 * the same record back, and the delivery goes on where it stopped, with the same event id and
 * body, to the addresses not answered for good yet, up to {@code entente.webhooks.retry.max-attempts}
 * calls. An address that cannot succeed, or that used up its attempts, is given up; once none is
 * left to call, the given-up ones make the listener throw {@link UndeliverableWebhookException},
 * which the error handler does not retry: it dead-letters the record ({@link WebhookDeadLetters}).
 * <p>
 * Anything else thrown (reference data or the inbox not queryable yet) uses up no attempt: the
 * error handler waits and hands the record back until it can be told.
 * <p>
 * Counts {@value #METRIC}{outcome}: {@code delivered} (a 2xx), {@code retried} (a failed call
 * that will be repeated), {@code failed} (a delivery given up).
 */
@Component
class WebhookDeliveries {

    static final String METRIC = "entente.webhook.deliveries";

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final WebhookDirectory directory;
    private final AlertBodies bodies;
    private final WebhookClient client;
    private final WebhookProperties properties;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    /** Each partition's latest delivery, kept until the partition's next record, so that a record handed back goes on. */
    private final Map<TopicPartition, Delivery> deliveries = new ConcurrentHashMap<>();

    WebhookDeliveries(WebhookDirectory directory, AlertBodies bodies, WebhookClient client, WebhookProperties properties,
            MeterRegistry meters) {
        this.directory = directory;
        this.bodies = bodies;
        this.client = client;
        this.properties = properties;
        this.delivered = counter(meters, "delivered");
        this.retried = counter(meters, "retried");
        this.failed = counter(meters, "failed");
    }

    /**
     * Returns once the record is done with: every call delivered, or nothing to deliver. Throws
     * {@link RetryableWebhookException} while calls are to be repeated, and
     * {@link UndeliverableWebhookException} once the rest were given up.
     */
    @KafkaListener(id = "webhooks", containerFactory = WebhookConfiguration.CONTAINER_FACTORY,
            topics = "#{T(org.entente.schemas.Topics).ALERTS.name()}", groupId = "${entente.webhooks.group}",
            clientIdPrefix = "${entente.webhooks.group}", concurrency = "${entente.topics.partitions:6}")
    void deliver(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Delivery delivery = deliveries.get(partition);
        if (delivery == null || delivery.offset != record.offset()) {
            deliveries.remove(partition);
            Optional<Delivery> planned = plan(record);
            if (planned.isEmpty()) {
                return;
            }
            delivery = planned.get();
        }
        if (!delivery.pending.isEmpty()) {
            attempt(delivery);
        }
        // Put back after every attempt: whichever consumer thread gets the partition next sees all of it.
        deliveries.put(partition, delivery);
        if (!delivery.pending.isEmpty()) {
            throw new RetryableWebhookException(String.join("; ", delivery.retrying));
        }
        if (!delivery.failures.isEmpty()) {
            throw new UndeliverableWebhookException(String.join("; ", delivery.failures));
        }
    }

    private Optional<Delivery> plan(ConsumerRecord<String, byte[]> record) {
        Optional<AlertNotice> notice = decode(record).flatMap(AlertNotice::of);
        if (notice.isEmpty()) {
            return Optional.empty();
        }
        List<String> addresses = directory.addresses(notice.get().recipientState(), notice.get().contactId());
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> secret = properties.secret(notice.get().recipientState(), notice.get().contactId());
        Delivery delivery = new Delivery(record.offset(), notice.get(), secret.orElse(null), addresses);
        if (secret.isEmpty()) {
            // Never unsigned: a receiver must be able to tell Entente from anyone else.
            delivery.pending.forEach(address -> giveUp(delivery, address, "no signing secret is configured for the contact"));
            delivery.pending.clear();
        }
        return Optional.of(delivery);
    }

    private static Optional<SpecificRecord> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.ofNullable(record.value()).map(EventCodec.instance()::decode);
        } catch (SerializationException notAnEvent) {
            // The lifecycle application dead-letters it; nothing here to deliver.
            return Optional.empty();
        }
    }

    private void attempt(Delivery delivery) {
        AlertNotice notice = delivery.notice;
        if (delivery.body == null) {
            delivery.body = bodies.of(notice.recipientState(), notice.alertId()).orElse(null);
        }
        delivery.attempts++;
        delivery.retrying.clear();
        boolean lastAttempt = delivery.attempts >= properties.retry().maxAttempts();
        for (Iterator<String> addresses = delivery.pending.iterator(); addresses.hasNext(); ) {
            String address = addresses.next();
            DeliveryResult result = delivery.body == null
                    ? new DeliveryResult.Retryable("the alert is not in this instance's inbox")
                    : client.post(address, notice.eventId(), delivery.body, delivery.secret);
            if (result instanceof DeliveryResult.Delivered) {
                delivered.increment();
                addresses.remove();
                log.debug("Delivered event {} to {}", notice.eventId(), delivery.webhook(address));
            } else if (result instanceof DeliveryResult.Rejected rejected) {
                giveUp(delivery, address, rejected.reason());
                addresses.remove();
            } else if (result instanceof DeliveryResult.Retryable retryable && lastAttempt) {
                giveUp(delivery, address, retryable.reason() + " after " + delivery.attempts + " attempts");
                addresses.remove();
            } else if (result instanceof DeliveryResult.Retryable retryable) {
                retried.increment();
                delivery.retrying.add(delivery.webhook(address) + ": " + retryable.reason());
                log.info("Event {} to {} failed ({}), attempt {} of {}; retrying", notice.eventId(), delivery.webhook(address),
                        retryable.reason(), delivery.attempts, properties.retry().maxAttempts());
            }
        }
    }

    private void giveUp(Delivery delivery, String address, String reason) {
        failed.increment();
        String failure = delivery.webhook(address) + ": " + reason;
        delivery.failures.add(failure);
        log.warn("Gave up delivering event {} (alert {}) to {}", delivery.notice.eventId(), delivery.notice.alertId(), failure);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(METRIC)
                .description("Webhook calls delivered, calls failed to be retried, and deliveries given up")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** One record's delivery while it lasts. Its body, once read, is what every attempt sends. */
    private static final class Delivery {

        final long offset;
        final AlertNotice notice;
        final byte[] secret;
        final List<String> addresses;
        final List<String> pending;
        final List<String> retrying = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        byte[] body;
        int attempts;

        Delivery(long offset, AlertNotice notice, byte[] secret, List<String> addresses) {
            this.offset = offset;
            this.notice = notice;
            this.secret = secret;
            this.addresses = addresses;
            this.pending = new ArrayList<>(addresses);
        }

        /** Names an address without writing it: its path or query may hold the receiver's token. */
        String webhook(String address) {
            return "webhook " + (addresses.indexOf(address) + 1) + " of contact " + notice.contactId() + " of "
                    + notice.recipientState();
        }
    }
}
