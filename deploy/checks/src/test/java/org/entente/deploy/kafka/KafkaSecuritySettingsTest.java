package org.entente.deploy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.entente.testing.KafkaTestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What platform's entente-kafka-security.yml gives Spring Kafka's clients and the Kafka Streams
 * binder: PLAINTEXT clients as before without variables (they still work against a plaintext
 * broker), SCRAM over SASL_PLAINTEXT or SASL_SSL with them, the same for both, and Spring Boot's
 * own variables still in charge.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaSecuritySettingsTest {

    static final String SCRAM_LINE = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"%s\" password=\"%s\";";
    static final List<String> SECURITY_KEYS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type", "ssl.truststore.certificates",
            "ssl.keystore.location", "ssl.keystore.type", "ssl.keystore.password", "ssl.key.password");

    @Test
    void withoutVariablesEveryClientSpeaksPlaintextAsBefore() {
        SecuritySettings settings = SecuritySettings.resolve(Map.of());

        Map<String, Object> expected = Map.of(
                "security.protocol", "PLAINTEXT",
                // unused by a PLAINTEXT client: Kafka reads them only for the SASL_* protocols
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", SCRAM_LINE.formatted("", ""),
                // Kafka's own default
                "ssl.truststore.type", "JKS");
        assertThat(security(settings.kafka().buildAdminProperties())).isEqualTo(expected);
        assertThat(security(settings.kafka().buildProducerProperties())).isEqualTo(expected);
        assertThat(security(settings.kafka().buildConsumerProperties())).isEqualTo(expected);
        assertThat(security(settings.streams("localhost:9092", "entente"))).isEqualTo(expected);
        assertThat(settings.binderConfiguration()).isEqualTo(Map.of(
                "security.protocol", "PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", SCRAM_LINE.formatted("", "")));
    }

    @Test
    void withVariablesSpringKafkaAndKafkaStreamsUseScramOverTls() {
        SecuritySettings settings = SecuritySettings.resolve(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_USERNAME", "trust-service",
                "KAFKA_SASL_PASSWORD", "s3cret",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "file:/etc/entente/kafka-ca/ca.crt",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM"));

        Map<String, Object> expected = Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", SCRAM_LINE.formatted("trust-service", "s3cret"),
                "ssl.truststore.location", "/etc/entente/kafka-ca/ca.crt",
                "ssl.truststore.type", "PEM");
        assertThat(security(settings.kafka().buildAdminProperties())).isEqualTo(expected);
        assertThat(security(settings.kafka().buildProducerProperties())).isEqualTo(expected);
        assertThat(security(settings.kafka().buildConsumerProperties())).isEqualTo(expected);
        assertThat(security(settings.streams("localhost:9093", "trust-service"))).isEqualTo(expected);
    }

    @Test
    void aJaasConfigVariableReplacesTheJaasLineWhole() {
        String strimziSecretLine = SCRAM_LINE.formatted("notification-service", "from-the-secret");
        SecuritySettings settings = SecuritySettings.resolve(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-256",
                "KAFKA_SASL_JAAS_CONFIG", strimziSecretLine));

        Map<String, Object> expected = Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-256",
                "sasl.jaas.config", strimziSecretLine,
                "ssl.truststore.type", "JKS");
        assertThat(security(settings.kafka().buildProducerProperties())).isEqualTo(expected);
        assertThat(security(settings.streams("localhost:9092", "notification-service-fanout"))).isEqualTo(expected);
    }

    /**
     * Spring Boot's own variables, as deploy/k8s's ConfigMap and Deployments set them, still decide:
     * this file hides none of them, adds no truststore password to a PEM truststore, and Kafka
     * Streams follows Spring Kafka.
     */
    @Test
    void springBootsOwnVariablesStillDecideAndKafkaStreamsFollows() {
        String jaas = SCRAM_LINE.formatted("incident-service", "from-the-secret");
        SecuritySettings settings = SecuritySettings.resolve(Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", jaas,
                "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM",
                "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:/etc/entente/kafka-ca/ca.crt"));

        Map<String, Object> expected = Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", jaas,
                "ssl.truststore.location", "/etc/entente/kafka-ca/ca.crt",
                "ssl.truststore.type", "PEM");
        assertThat(security(settings.kafka().buildAdminProperties())).isEqualTo(expected);
        assertThat(security(settings.kafka().buildProducerProperties())).isEqualTo(expected);
        assertThat(security(settings.streams("localhost:9093", "incident-service"))).isEqualTo(expected);
    }

    @Test
    void aPkcs12TruststoresPasswordComesFromSpringBootsVariable() {
        SecuritySettings settings = SecuritySettings.resolve(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "file:/etc/entente/kafka-ca/ca.p12",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", "ca-s3cret"));

        assertThat(settings.kafka().buildAdminProperties())
                .containsEntry("ssl.truststore.location", "/etc/entente/kafka-ca/ca.p12")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", "ca-s3cret");
        assertThat(settings.streams("localhost:9093", "trust-service"))
                .containsEntry("ssl.truststore.password", "ca-s3cret");
    }

    /** The settings without variables, used as they are, against the shared plaintext test broker. */
    @Test
    void withoutVariablesClientsAndKafkaStreamsStillWorkAgainstAPlaintextBroker() throws Exception {
        String bootstrap = KafkaTestBroker.get().bootstrapServers();
        SecuritySettings settings = SecuritySettings.resolve(Map.of());
        String topic = "kafka-security-settings-" + UUID.randomUUID();

        try (Admin admin = Admin.create(settings.admin(bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings.producer(bootstrap))) {
            producer.send(new ProducerRecord<>(topic, "EE", "plaintext as before")).get(30, TimeUnit.SECONDS);
        }
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings.consumer(bootstrap, "kafka-security-settings"))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Instant deadline = Instant.now().plusSeconds(30);
            while (read.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record.key() + "=" + record.value());
                }
            }
            consumer.commitSync();
        }
        assertThat(read).containsExactly("EE=plaintext as before");

        List<String> streamed = new CopyOnWriteArrayList<>();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String()))
                .foreach((key, value) -> streamed.add(key + "=" + value));
        Path stateDir = Files.createTempDirectory("kafka-security-settings");
        Properties properties = settings.streams(bootstrap, "kafka-security-settings-" + UUID.randomUUID());
        properties.put("state.dir", stateDir.toString());
        properties.put("commit.interval.ms", "100");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            streams.start();
            Instant deadline = Instant.now().plusSeconds(60);
            while (streamed.isEmpty()) {
                if (Instant.now().isAfter(deadline) || streams.state() == KafkaStreams.State.ERROR) {
                    fail("Kafka Streams read nothing; state " + streams.state());
                }
                Thread.sleep(100);
            }
            streams.close(Duration.ofSeconds(10));
            streams.cleanUp();
        }
        assertThat(streamed).containsExactly("EE=plaintext as before");
    }

    private static Map<Object, Object> security(Map<?, ?> clientProperties) {
        Map<Object, Object> security = new HashMap<>(clientProperties);
        security.keySet().retainAll(SECURITY_KEYS);
        return security;
    }
}
