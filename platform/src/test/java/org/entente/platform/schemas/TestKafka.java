package org.entente.platform.schemas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Plain Kafka clients on the test broker, to set up and look at topics as an operator would. */
public final class TestKafka {

    private TestKafka() {
    }

    public static Map<String, Object> clientConfig(EmbeddedKafkaBroker broker) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    }

    public static void createTopics(EmbeddedKafkaBroker broker, NewTopic... topics) throws Exception {
        try (Admin admin = Admin.create(clientConfig(broker))) {
            admin.createTopics(List.of(topics)).all().get();
        }
    }

    public static RecordMetadata send(EmbeddedKafkaBroker broker, ProducerRecord<String, String> record)
            throws ExecutionException, InterruptedException {
        try (Producer<String, String> producer = new KafkaProducer<>(clientConfig(broker), new StringSerializer(),
                new StringSerializer())) {
            return producer.send(record).get();
        }
    }

    public static RecordMetadata sendBytes(EmbeddedKafkaBroker broker, ProducerRecord<byte[], byte[]> record)
            throws ExecutionException, InterruptedException {
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(clientConfig(broker), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return producer.send(record).get();
        }
    }

    /** The offset the next record of {@code topic}'s first partition will take; 0 while the topic does not exist. */
    public static long nextOffset(EmbeddedKafkaBroker broker, String topic) {
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(clientConfig(broker), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition first = new TopicPartition(topic, 0);
            return consumer.partitionsFor(topic).isEmpty() ? 0 : consumer.endOffsets(List.of(first)).get(first);
        }
    }

    /** Every record of {@code topic} up to its end as of this call, partition by partition. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(EmbeddedKafkaBroker broker, String topic) {
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(clientConfig(broker), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset));
            return records;
        }
    }
}
