package org.entente.notification.webhook;

/**
 * Why a webhook delivery is to be tried again: some of its calls failed in a way that may pass
 * (408, 429, a 5xx, a timeout, a failed connection) and attempts are left. Thrown to the listener
 * container, whose error handler waits the exponential backoff and delivers the record again
 * ({@link WebhookConfiguration}). Built from {@link DeliveryResult} reasons, so it never holds an
 * address, a secret or a receiver's answer.
 */
class RetryableWebhookException extends RuntimeException {

    RetryableWebhookException(String reason) {
        super(reason, null, false, false);
    }
}
