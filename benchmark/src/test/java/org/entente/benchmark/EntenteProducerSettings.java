package org.entente.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.ProducerConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The producer settings every Entente service imports (platform's {@code entente-kafka-producer.yml}:
 * acks=all, idempotence, its timeouts and serializers), read from that file so the raw loops use
 * exactly what Entente uses, whatever it becomes. Spring Boot's names map to Kafka's
 * ({@code key-serializer} → {@code key.serializer}); {@code properties} pass as they are.
 */
final class EntenteProducerSettings {

    private static final String FILE = "entente-kafka-producer.yml";

    private EntenteProducerSettings() {
    }

    static Properties forBroker(String bootstrapServers) {
        Properties settings = new Properties();
        JsonNode producer = read().path("spring").path("kafka").path("producer");
        for (Map.Entry<String, JsonNode> setting : producer.properties()) {
            if (setting.getKey().equals("properties")) {
                setting.getValue().properties().forEach(property -> settings.put(property.getKey(), property.getValue().asString()));
            } else {
                settings.put(setting.getKey().replace('-', '.'), setting.getValue().asString());
            }
        }
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }

    private static JsonNode read() {
        try (InputStream in = EntenteProducerSettings.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the classpath (it comes with platform)");
            }
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
