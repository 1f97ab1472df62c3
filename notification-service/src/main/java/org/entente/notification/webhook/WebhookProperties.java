package org.entente.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The webhook dispatcher's settings; the networks the address policy allows are
 * {@code WebhookAddressProperties}' (same prefix).
 *
 * @param group the consumer group it reads the alert topic under
 * @param connectTimeout how long connecting to a receiver may take
 * @param readTimeout how long a receiver may take to answer, once connected
 * @param retry how often and how patiently a call that may succeed later is repeated
 * @param sslBundle the Spring SSL bundle whose trust store verifies receivers; none: the JDK's
 *        default trust store (public certificate authorities)
 * @param secrets each contact's signing secret, by state code, then contact id (a contact id is
 *        unique in its state's chain only); from a secret file or the environment, never from
 *        Kafka (see docs/webhooks.md)
 */
@ConfigurationProperties("entente.webhooks")
record WebhookProperties(
        String group,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue Retry retry,
        String sslBundle,
        Map<String, Map<String, String>> secrets) {

    /**
     * @param maxAttempts calls per delivery before it is given up (the first one included)
     * @param initialBackoff the wait after the first failure; it doubles after each further one
     * @param maxBackoff the longest wait
     */
    record Retry(@DefaultValue("6") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff) {

        Retry {
            if (maxAttempts < 1 || initialBackoff.isNegative() || initialBackoff.isZero()
                    || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException(
                        "entente.webhooks.retry needs max-attempts >= 1 and 0 < initial-backoff <= max-backoff");
            }
        }

        /**
         * The waits between the attempts of one delivery, {@code maxAttempts - 1} of them: Spring's
         * exponential back-off from {@code initialBackoff}, doubling, capped at {@code maxBackoff},
         * with a jitter of half the initial backoff scaled with each step, so that the n-th wait is
         * a random time between half of and one and a half times {@code initialBackoff × 2^(n-1)},
         * never below {@code initialBackoff} nor above {@code maxBackoff}.
         */
        ExponentialBackOff backOff() {
            ExponentialBackOff backOff = new ExponentialBackOff(initialBackoff.toMillis(), 2);
            backOff.setMaxInterval(maxBackoff.toMillis());
            backOff.setJitter(initialBackoff.toMillis() / 2);
            backOff.setMaxAttempts(maxAttempts - 1);
            return backOff;
        }
    }

    WebhookProperties {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("entente.webhooks.group must name the dispatcher's consumer group");
        }
        secrets = secrets == null ? Map.of() : secrets.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, state -> Map.copyOf(state.getValue())));
    }

    Optional<byte[]> secret(String state, String contactId) {
        return Optional.ofNullable(secrets.getOrDefault(state, Map.of()).get(contactId)).filter(secret -> !secret.isBlank())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Names the contacts that have a secret ({@code state/contact}), never the secrets. */
    @Override
    public String toString() {
        List<String> contacts = secrets.entrySet().stream()
                .flatMap(state -> state.getValue().keySet().stream().map(contact -> state.getKey() + "/" + contact))
                .sorted().toList();
        return "WebhookProperties[group=" + group + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", retry=" + retry + ", sslBundle=" + sslBundle + ", secrets for " + contacts + "]";
    }
}
