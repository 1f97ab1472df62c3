package org.entente.deploy.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * What platform's entente-kafka-security.yml gives a service's Kafka clients under a set of
 * environment variables, resolved and bound the way Spring Boot does it: Spring Kafka's client
 * properties through Boot's {@link KafkaProperties}, and the Kafka Streams binder's
 * {@code configuration} map. The variables stand in for the process environment (relaxed names
 * such as SPRING_KAFKA_SSL_TRUST_STORE_TYPE included); the real environment is left out.
 */
record SecuritySettings(KafkaProperties kafka, Map<String, String> binderConfiguration) {

    static final Path FILE = Repository.path("platform/src/main/resources/entente-kafka-security.yml");

    static SecuritySettings resolve(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(FILE.getFileName().toString(),
                    new FileSystemResource(FILE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FILE, e);
        }
        ConfigurationPropertySources.attach(environment);
        Binder binder = Binder.get(environment);
        KafkaProperties kafka = binder.bind("spring.kafka", KafkaProperties.class).orElseGet(KafkaProperties::new);
        Map<String, String> binderConfiguration = binder.bind("spring.cloud.stream.kafka.streams.binder.configuration",
                Bindable.mapOf(String.class, String.class)).orElseGet(Map::of);
        return new SecuritySettings(kafka, Map.copyOf(binderConfiguration));
    }

    /** Spring Kafka's admin client properties (KafkaAdmin, the topic provisioning) for a broker. */
    /**
     * Why describing the cluster with these settings failed, or null if it did not; the admin
     * client gives up after {@code timeoutMillis}.
     */
    Throwable clusterIdFailure(String bootstrapServers, int timeoutMillis) {
        Map<String, Object> properties = admin(bootstrapServers);
        properties.put("default.api.timeout.ms", String.valueOf(timeoutMillis));
        properties.put("request.timeout.ms", String.valueOf(timeoutMillis - 1000));
        try (Admin admin = Admin.create(properties)) {
            admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    Map<String, Object> admin(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>(kafka.buildAdminProperties());
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    /** Spring Kafka's producer properties, the HTTP producers' (entente-kafka-producer.yml) added. */
    Map<String, Object> producer(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("acks", "all");
        properties.put("enable.idempotence", "true");
        properties.put("max.block.ms", "5000");
        properties.put("request.timeout.ms", "5000");
        properties.put("delivery.timeout.ms", "10000");
        properties.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        properties.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        return properties;
    }

    /** Spring Kafka's consumer properties for a broker and a group. */
    Map<String, Object> consumer(String bootstrapServers, String group) {
        Map<String, Object> properties = consumer(bootstrapServers);
        properties.put("group.id", group);
        return properties;
    }

    /** Spring Kafka's consumer properties for a broker, without a group: assigned partitions, nothing committed. */
    Map<String, Object> consumer(String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("enable.auto.commit", "false");
        properties.put("auto.offset.reset", "earliest");
        properties.put("isolation.level", "read_committed");
        properties.put("default.api.timeout.ms", "10000");
        properties.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        properties.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        return properties;
    }

    /**
     * A Kafka Streams application's configuration as the binder builds it: Spring Boot's streams
     * properties, the binder's {@code configuration} map on top.
     */
    Properties streams(String bootstrapServers, String applicationId) {
        Properties properties = new Properties();
        properties.putAll(kafka.buildStreamsProperties());
        properties.putAll(binderConfiguration);
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("application.id", applicationId);
        return properties;
    }
}
