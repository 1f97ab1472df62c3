package org.entente.notification.webhook;

/**
 * Why a webhook delivery was given up: the reason a dead letter carries in its
 * {@code kafka_dlt-exception-message} header. Not retryable for the listener container's error
 * handler, which hands the record straight to {@link WebhookDeadLetters}. Built from
 * {@link DeliveryResult} reasons, so it never holds an address, a secret or a receiver's answer.
 */
class UndeliverableWebhookException extends RuntimeException {

    UndeliverableWebhookException(String reason) {
        super(reason, null, false, false);
    }
}
