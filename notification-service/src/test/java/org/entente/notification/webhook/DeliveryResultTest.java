package org.entente.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryResultTest {

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void shouldCountAny2xxAsDelivered(int status) {
        assertThat(DeliveryResult.of(status)).isEqualTo(new DeliveryResult.Delivered(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void shouldRetryTimeoutsThrottlingAndServerErrors(int status) {
        assertThat(DeliveryResult.of(status)).isEqualTo(new DeliveryResult.Retryable("HTTP " + status));
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 400, 401, 403, 404, 410, 413, 422})
    void shouldGiveUpOnRedirectsAndOtherClientErrors(int status) {
        assertThat(DeliveryResult.of(status)).isEqualTo(new DeliveryResult.Rejected("HTTP " + status));
    }
}
