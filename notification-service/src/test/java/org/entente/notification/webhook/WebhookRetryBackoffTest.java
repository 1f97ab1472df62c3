package org.entente.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The retry rules as spring-kafka applies them: the backoff built from the retry properties, and
 * the listener container's error handler deciding, from what the listener threw, whether to wait
 * and hand the record back or to dead-letter it.
 */
class WebhookRetryBackoffTest {

    static final WebhookProperties.Retry DEFAULTS = new WebhookProperties.Retry(6, Duration.ofSeconds(1), Duration.ofSeconds(30));
    static final TopicPartition PARTITION = new TopicPartition("alert.events.v1", 0);

    @Test
    void shouldWaitExponentiallyWithJitterBetweenTheAttemptsOfADeliveryAndStopAfterTheLast() {
        // Given the default retry properties: six attempts, so five waits, of 1 s doubling up to 30 s, jittered
        long[] steps = {1_000, 2_000, 4_000, 8_000, 16_000};
        List<Set<Long>> seen = new ArrayList<>();
        for (int wait = 0; wait < steps.length; wait++) {
            seen.add(new HashSet<>());
        }
        long longestTotal = 0;
        for (int delivery = 0; delivery < 1_000; delivery++) {
            // When a delivery's backoff is run through
            BackOffExecution execution = DEFAULTS.backOff().start();
            long total = 0;
            for (int wait = 0; wait < steps.length; wait++) {
                long waited = execution.nextBackOff();
                // Then the n-th wait lies between half of and one and a half times its step, at least 1 s and at most 30 s
                assertThat(waited).as("wait %d", wait + 1)
                        .isBetween(Math.max(steps[wait] / 2, 1_000), Math.min(steps[wait] * 3 / 2, 30_000));
                seen.get(wait).add(waited);
                total += waited;
            }
            assertThat(execution.nextBackOff()).as("after the sixth attempt").isEqualTo(BackOffExecution.STOP);
            longestTotal = Math.max(longestTotal, total);
        }
        assertThat(seen).allSatisfy(waits -> assertThat(waits).as("jittered").hasSizeGreaterThan(100));
        assertThat(longestTotal).isLessThanOrEqualTo(46_500);
    }

    @Test
    void shouldNeverWaitMoreThanTheMaximum() {
        BackOffExecution execution = new WebhookProperties.Retry(20, Duration.ofMillis(100), Duration.ofMillis(400)).backOff().start();
        for (int wait = 0; wait < 19; wait++) {
            assertThat(execution.nextBackOff()).isBetween(100L, 400L);
        }
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void shouldRefuseNoAttemptAZeroStartOrAMaximumBelowIt() {
        assertThatThrownBy(() -> new WebhookProperties.Retry(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookProperties.Retry(6, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookProperties.Retry(6, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldHandACallToBeRepeatedBackUntilTheLastAttemptThenDeadLetterIt() {
        // Given the error handler with three attempts
        List<Exception> deadLettered = new ArrayList<>();
        DefaultErrorHandler handler = WebhookConfiguration.errorHandler(quick(3), (record, exception) -> deadLettered.add(exception));
        ConsumerRecord<String, byte[]> record = record(7);
        RetryableWebhookException retry = new RetryableWebhookException("webhook 1 of contact se-cert-duty of SE: HTTP 503");

        // When the listener asks for a retry three times
        // Then the record is handed back (the consumer rewound to it) twice, and dead-lettered the third time
        for (int failure = 1; failure <= 2; failure++) {
            MockConsumer<String, byte[]> consumer = consumerAt(9);
            assertThatThrownBy(() -> handler.handleRemaining(wrapped(retry), List.of(record), consumer, null))
                    .as("still in retry").isInstanceOf(RuntimeException.class);
            assertThat(consumer.position(PARTITION)).as("failure %d", failure).isEqualTo(7);
        }
        assertThat(deadLettered).isEmpty();
        handler.handleRemaining(wrapped(retry), List.of(record), consumerAt(9), null);
        assertThat(deadLettered).singleElement().satisfies(exception -> assertThat(WebhookDeadLetters.unwrapped(exception)).isSameAs(retry));
    }

    @Test
    void shouldDeadLetterADeliveryGivenUpWithoutRetrying() {
        List<Exception> deadLettered = new ArrayList<>();
        DefaultErrorHandler handler = WebhookConfiguration.errorHandler(quick(6), (record, exception) -> deadLettered.add(exception));
        UndeliverableWebhookException givenUp = new UndeliverableWebhookException("webhook 1 of contact se-cert-duty of SE: HTTP 400");

        MockConsumer<String, byte[]> consumer = consumerAt(9);
        handler.handleRemaining(wrapped(givenUp), List.of(record(7)), consumer, null);

        assertThat(deadLettered).singleElement().satisfies(exception -> assertThat(WebhookDeadLetters.unwrapped(exception)).isSameAs(givenUp));
        assertThat(consumer.position(PARTITION)).as("not rewound").isEqualTo(9);
    }

    @Test
    void shouldWaitForReferenceDataOrTheInboxAsLongAsItTakesWithoutUsingUpAttempts() {
        List<Exception> deadLettered = new ArrayList<>();
        DefaultErrorHandler handler = WebhookConfiguration.errorHandler(quick(2), (record, exception) -> deadLettered.add(exception));
        ConsumerRecord<String, byte[]> record = record(7);

        for (int failure = 1; failure <= 20; failure++) {
            MockConsumer<String, byte[]> consumer = consumerAt(9);
            assertThatThrownBy(() -> handler.handleRemaining(wrapped(new IllegalStateException("store not queryable yet")),
                    List.of(record), consumer, null)).as("still in retry").isInstanceOf(RuntimeException.class);
            assertThat(consumer.position(PARTITION)).as("failure %d", failure).isEqualTo(7);
        }
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void shouldWriteTheListenersOwnExceptionIntoADeadLetterNotTheContainersWrapper() {
        UndeliverableWebhookException givenUp = new UndeliverableWebhookException("reason");
        assertThat(WebhookDeadLetters.unwrapped(wrapped(givenUp))).isSameAs(givenUp);
        assertThat(WebhookDeadLetters.unwrapped(new ListenerExecutionFailedException("outer", wrapped(givenUp)))).isSameAs(givenUp);
        assertThat(WebhookDeadLetters.unwrapped(givenUp)).isSameAs(givenUp);
    }

    private static WebhookProperties.Retry quick(int maxAttempts) {
        return new WebhookProperties.Retry(maxAttempts, Duration.ofMillis(1), Duration.ofMillis(2));
    }

    private static ListenerExecutionFailedException wrapped(Exception exception) {
        return new ListenerExecutionFailedException("Listener method threw exception", "notification-service-webhooks", exception);
    }

    private static ConsumerRecord<String, byte[]> record(long offset) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "SE", new byte[] {1, 2, 3});
    }

    /** A consumer that has read past the record, as the container's has when the listener throws. */
    private static MockConsumer<String, byte[]> consumerAt(long position) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(PARTITION));
        consumer.seek(PARTITION, position);
        return consumer;
    }
}
