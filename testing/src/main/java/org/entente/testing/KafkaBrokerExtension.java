package org.entente.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points Spring Kafka, the Kafka binder and the Kafka Streams binder at the shared test broker,
 * and the services' token verification at the test issuer ({@link TestTokens}), before any
 * Spring context of the test class starts.
 */
public class KafkaBrokerExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        pointSpringAtTestBroker();
    }

    /** For code that starts Spring applications itself, outside a test class's lifecycle. */
    public static void pointSpringAtTestBroker() {
        String servers = KafkaTestBroker.get().bootstrapServers();
        System.setProperty("spring.kafka.bootstrap-servers", servers);
        System.setProperty("spring.cloud.stream.kafka.binder.brokers", servers);
        System.setProperty("spring.cloud.stream.kafka.streams.binder.brokers", servers);
        System.setProperty("entente.security.local-issuer.public-keys", TestTokens.publicKeys().toString());
    }
}
