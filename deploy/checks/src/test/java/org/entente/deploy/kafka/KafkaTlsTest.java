package org.entente.deploy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.entente.schemas.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * SASL_SSL as a deployment sets it through entente-kafka-security.yml's variables: SCRAM over TLS,
 * the broker trusted through the cluster CA certificate (PEM, as Strimzi's ca.crt; or a PKCS12
 * truststore with its password), deploy/k8s/kafka-users.yaml's ACLs in force as over
 * SASL_PLAINTEXT.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaTlsTest {

    static final String NOTIFICATION = "notification-service";
    static final String TRUST = "trust-service";

    @TempDir
    static Path directory;

    static TlsMaterial cluster;
    static TlsMaterial stranger;
    static SaslBroker broker;
    static final Map<String, String> passwords = new LinkedHashMap<>();

    @BeforeAll
    static void startTlsBroker() throws Exception {
        cluster = TlsMaterial.generate(directory, "cluster");
        stranger = TlsMaterial.generate(directory, "stranger");
        passwords.put(NOTIFICATION, UUID.randomUUID().toString());
        passwords.put(TRUST, UUID.randomUUID().toString());
        broker = SaslBroker.start(cluster);
        broker.createScramUsers(passwords);
        broker.createAcls(KafkaUsers.load().bindings());
        awaitAuthenticated(NOTIFICATION);
        awaitAuthenticated(TRUST);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void servicesConnectOverSaslSslAndTheirAclsHold() throws Exception {
        KafkaAdmin admin = new KafkaAdmin(pem(NOTIFICATION, cluster).admin(broker.bootstrapServers()));
        admin.setFatalIfBrokerNotAvailable(true);
        admin.createOrModifyTopics(KafkaAclTest.catalogueTopic(Topics.COMMITMENT_OUTCOMES.name()));

        RecordMetadata written = write(pem(NOTIFICATION, cluster), Topics.COMMITMENT_OUTCOMES.name());

        assertThat(written.topic()).isEqualTo(Topics.COMMITMENT_OUTCOMES.name());
        assertThatThrownBy(() -> write(pem(TRUST, cluster), Topics.COMMITMENT_OUTCOMES.name()))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aPkcs12TruststoreWorksWithSpringBootsPasswordVariable() {
        SecuritySettings settings = SecuritySettings.resolve(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_USERNAME", TRUST,
                "KAFKA_SASL_PASSWORD", passwords.get(TRUST),
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "file:" + cluster.truststore(),
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
                "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", cluster.password()));

        assertThat(settings.clusterIdFailure(broker.bootstrapServers(), 5000)).isNull();
    }

    @Test
    void aBrokerOutsideTheTruststoreIsNotTrusted() {
        assertThat(pem(TRUST, stranger).clusterIdFailure(broker.bootstrapServers(), 5000)).isInstanceOf(SslAuthenticationException.class);
    }

    /** Without KAFKA_SSL_TRUSTSTORE_LOCATION only the JVM's public CAs are trusted. */
    @Test
    void withoutTheClusterCaTheBrokerIsNotTrusted() {
        SecuritySettings settings = SecuritySettings.resolve(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_USERNAME", TRUST,
                "KAFKA_SASL_PASSWORD", passwords.get(TRUST)));

        assertThat(settings.clusterIdFailure(broker.bootstrapServers(), 5000)).isInstanceOf(SslAuthenticationException.class);
    }

    /** A service's settings with the given CA certificate in PEM as its truststore. */
    static SecuritySettings pem(String service, TlsMaterial ca) {
        return SecuritySettings.resolve(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_USERNAME", service,
                "KAFKA_SASL_PASSWORD", passwords.get(service),
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "file:" + ca.certificate(),
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM"));
    }

    static RecordMetadata write(SecuritySettings settings, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings.producer(broker.bootstrapServers()))) {
            return producer.send(new ProducerRecord<>(topic, "EE", "over TLS")).get(30, TimeUnit.SECONDS);
        }
    }

    static void awaitAuthenticated(String service) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Throwable last;
        do {
            last = pem(service, cluster).clusterIdFailure(broker.bootstrapServers(), 5000);
            if (last == null) {
                return;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        fail(service + " could not authenticate over SASL_SSL within 30 s", last);
    }

}
