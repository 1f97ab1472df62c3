package org.entente.notification.webhook;

/**
 * What one webhook call came to. The reasons are written here, from the status or the kind of
 * failure only: never the address (its path or query may hold a receiver's token) nor anything
 * the receiver answered.
 */
sealed interface DeliveryResult {

    /** A 2xx: the receiver has the event. */
    record Delivered(int status) implements DeliveryResult {
    }

    /** Worth trying again: 408, 429, a 5xx, a timeout, a failed connection or a host not resolved. */
    record Retryable(String reason) implements DeliveryResult {
    }

    /**
     * Trying again would get the same answer: any other status (redirects are not followed), or an
     * address the {@link org.entente.notification.address.WebhookAddressPolicy} refuses.
     */
    record Rejected(String reason) implements DeliveryResult {
    }

    static DeliveryResult of(int status) {
        if (status >= 200 && status < 300) {
            return new Delivered(status);
        }
        String reason = "HTTP " + status;
        return status == 408 || status == 429 || status >= 500 ? new Retryable(reason) : new Rejected(reason);
    }
}
