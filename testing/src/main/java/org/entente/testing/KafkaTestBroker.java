package org.entente.testing;

import java.util.Locale;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, shared by every integration test. Where a Docker engine
 * runs it is Testcontainers' Kafka; otherwise an in-JVM KRaft broker from spring-kafka-test.
 * {@code -Dentente.test.broker=embedded|testcontainers} forces one.
 */
public final class KafkaTestBroker {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private static KafkaTestBroker instance;

    private final String bootstrapServers;
    private final String description;

    private KafkaTestBroker(String bootstrapServers, String description) {
        this.bootstrapServers = bootstrapServers;
        this.description = description;
    }

    public static synchronized KafkaTestBroker get() {
        if (instance == null) {
            instance = start();
            System.out.println("Kafka broker for tests: " + instance.description + " at " + instance.bootstrapServers);
        }
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static KafkaTestBroker start() {
        String choice = System.getProperty("entente.test.broker", "auto").toLowerCase(Locale.ROOT);
        boolean docker = switch (choice) {
            case "testcontainers" -> true;
            case "embedded" -> false;
            default -> DockerClientFactory.instance().isDockerAvailable();
        };
        return docker ? startContainer() : startEmbedded();
    }

    private static KafkaTestBroker startContainer() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new KafkaTestBroker(container.getBootstrapServers(), "Testcontainers " + KAFKA_IMAGE);
    }

    private static KafkaTestBroker startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // Small internal topics: creating 50 partitions each on first use costs seconds on 2 cores.
        broker.brokerProperties(Map.of(
                "offsets.topic.num.partitions", "4",
                "transaction.state.log.num.partitions", "4",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return new KafkaTestBroker(broker.getBrokersAsString(), "in-JVM KRaft broker (spring-kafka-test)");
    }
}
