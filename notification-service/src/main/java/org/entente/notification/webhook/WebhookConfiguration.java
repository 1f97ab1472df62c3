package org.entente.notification.webhook;

import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.entente.notification.address.WebhookAddressPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    static final String CONTAINER_FACTORY = "webhookListenerContainerFactory";
    /**
     * Records per poll: the calls of this many alerts, each bounded by the client's timeouts, must
     * stay well under {@code max.poll.interval.ms} (5 min) even when every receiver is slow.
     */
    static final int RECORDS_PER_POLL = 10;

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    /**
     * Redirects are not followed: a signed alert goes only to the address the reference data
     * names, once the address policy let it, and a receiver that moved says so with a 3xx, which
     * is given up and recorded.
     */
    @Bean
    WebhookClient webhookClient(WebhookProperties properties, WebhookAddressPolicy addressPolicy, SslBundles sslBundles)
            throws NoSuchAlgorithmException {
        SSLContext tls = properties.sslBundle() == null
                ? SSLContext.getDefault()
                : sslBundles.getBundle(properties.sslBundle()).createSslContext();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls)
                .build();
        return new WebhookClient(http, properties.readTimeout(), addressPolicy, Clock.systemUTC());
    }

    /**
     * The containers of {@link WebhookDeliveries}' listener: the service's consumer settings
     * (bootstrap, security), committed records only ({@code read_committed}), a new group starting
     * at the beginning of the topic (no delivered alert is skipped, at the price of calling the
     * webhooks of alerts older than the first start; receivers deduplicate), and up to
     * {@value #RECORDS_PER_POLL} records per poll. Ack mode {@code BATCH}: the offsets of a poll
     * are committed, synchronously, once every record of it is done with, delivered or
     * dead-lettered, and never before, so a restart repeats at most the calls of one poll (with the
     * same event ids). Most alert events call no webhook (deliveries to inboxes, acknowledgements,
     * escalations): a commit per record held the dispatcher to about a thousand events a second,
     * the slowest link of the pipeline under load (docs/performance.md).
     * <p>
     * Between polls a consumer thread makes one record's calls (each bounded by the client's
     * timeouts) and, when they are to be repeated, sleeps one backoff (at most
     * {@code entente.webhooks.retry.max-backoff}): the error handler's default back-off handler
     * suspends the consumer thread, so that wait must stay well under {@code max.poll.interval.ms}
     * (5 min). One consumer per partition (the listener's concurrency) keeps that wait to the
     * partition of the failing alert.
     */
    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> webhookListenerContainerFactory(KafkaProperties kafka,
            WebhookProperties properties, WebhookDeadLetters deadLetters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, RECORDS_PER_POLL);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
        factory.getContainerProperties().setAckMode(AckMode.BATCH);
        factory.setCommonErrorHandler(errorHandler(properties.retry(), deadLetters));
        return factory;
    }

    /**
     * What happens when the listener throws: {@link RetryableWebhookException} — wait the retry
     * backoff ({@link WebhookProperties.Retry#backOff()}) and deliver the record again;
     * {@link UndeliverableWebhookException} — not retried, dead-lettered at once; anything else
     * (reference data or the inbox not queryable yet) — wait the initial backoff and try again,
     * for as long as it takes, using up no attempt. A dead letter that cannot be written leaves
     * the record undone: it comes back, and the letter is tried again (no call is repeated). The
     * handler's own log of each retry is at DEBUG: the listener logs the failed calls, without
     * their addresses.
     */
    static DefaultErrorHandler errorHandler(WebhookProperties.Retry retry, ConsumerRecordRecoverer deadLetters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, retry.backOff());
        handler.addNotRetryableExceptions(UndeliverableWebhookException.class);
        BackOff untilItCanBeTold = new FixedBackOff(retry.initialBackoff().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS);
        handler.setBackOffFunction((record, exception) ->
                WebhookDeadLetters.unwrapped(exception) instanceof RetryableWebhookException ? null : untilItCanBeTold);
        handler.setLogLevel(KafkaException.Level.DEBUG);
        handler.setRetryListeners((record, exception, deliveryAttempt) -> {
            Exception thrown = WebhookDeadLetters.unwrapped(exception);
            if (!(thrown instanceof RetryableWebhookException) && !(thrown instanceof UndeliverableWebhookException)) {
                log.warn("Webhooks of {} wait: {}; trying again in {}", where(record), thrown, retry.initialBackoff());
            }
        });
        return handler;
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
