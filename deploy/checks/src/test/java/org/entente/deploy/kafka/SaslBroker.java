package org.entente.deploy.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-JVM KRaft broker of its own (not the shared test broker) that authenticates every client
 * with SASL and authorizes with ACLs: listeners EXTERNAL (clients; SASL_PLAINTEXT, or SASL_SSL
 * when given TLS material) and CONTROLLER (SASL_PLAINTEXT); PLAIN between broker and controller
 * for the static super user {@code admin}; SCRAM-SHA-512 for the services, whose credentials the
 * admin creates after start.
 */
final class SaslBroker implements AutoCloseable {

    static final String ADMIN_PASSWORD = "admin-secret";
    private static final String PLAIN_ADMIN = "org.apache.kafka.common.security.plain.PlainLoginModule required "
            + "username=\"admin\" password=\"" + ADMIN_PASSWORD + "\" user_admin=\"" + ADMIN_PASSWORD + "\";";

    private final EmbeddedKafkaKraftBroker broker;
    private final TlsMaterial tls;

    private SaslBroker(EmbeddedKafkaKraftBroker broker, TlsMaterial tls) {
        this.broker = broker;
        this.tls = tls;
    }

    static SaslBroker start() {
        return start(null);
    }

    /** With TLS material, clients connect over SASL_SSL; without, over SASL_PLAINTEXT. */
    static SaslBroker start(TlsMaterial tls) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        Map<String, String> properties = new HashMap<>();
        properties.put("listener.security.protocol.map",
                "EXTERNAL:" + (tls == null ? "SASL_PLAINTEXT" : "SASL_SSL") + ",CONTROLLER:SASL_PLAINTEXT");
        if (tls != null) {
            properties.putAll(Map.of(
                    "ssl.keystore.location", tls.keystore().toString(),
                    "ssl.keystore.password", tls.password(),
                    "ssl.key.password", tls.password(),
                    "ssl.keystore.type", "PKCS12",
                    "ssl.truststore.location", tls.truststore().toString(),
                    "ssl.truststore.password", tls.password(),
                    "ssl.truststore.type", "PKCS12"));
        }
        properties.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512");
        properties.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        properties.put("sasl.mechanism.controller.protocol", "PLAIN");
        properties.put("listener.name.external.plain.sasl.jaas.config", PLAIN_ADMIN);
        properties.put("listener.name.external.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        properties.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        properties.put("listener.name.controller.plain.sasl.jaas.config", PLAIN_ADMIN);
        properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.put("allow.everyone.if.no.acl.found", "false");
        properties.put("super.users", "User:admin");
        // One node, small internal topics: creating 50 partitions each costs seconds on 2 cores.
        properties.put("offsets.topic.num.partitions", "4");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.num.partitions", "4");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "false");
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        return new SaslBroker(broker, tls);
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Client properties of the super user. */
    Map<String, Object> adminProperties() {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "bootstrap.servers", bootstrapServers(),
                "security.protocol", tls == null ? "SASL_PLAINTEXT" : "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", PLAIN_ADMIN,
                "default.api.timeout.ms", "15000",
                "request.timeout.ms", "10000"));
        if (tls != null) {
            properties.put("ssl.truststore.location", tls.truststore().toString());
            properties.put("ssl.truststore.password", tls.password());
            properties.put("ssl.truststore.type", "PKCS12");
        }
        return Map.copyOf(properties);
    }

    void createScramUsers(Map<String, String> passwords) throws Exception {
        List<UserScramCredentialAlteration> upsertions = passwords.entrySet().stream()
                .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.getKey(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), user.getValue()))
                .toList();
        try (Admin admin = Admin.create(adminProperties())) {
            admin.alterUserScramCredentials(upsertions).all().get(15, TimeUnit.SECONDS);
        }
    }

    void createAcls(Collection<AclBinding> bindings) throws Exception {
        try (Admin admin = Admin.create(adminProperties())) {
            admin.createAcls(bindings).all().get(15, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
