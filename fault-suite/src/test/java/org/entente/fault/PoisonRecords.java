package org.entente.fault;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.entente.schemas.Topics;
import org.entente.testing.process.Broker;

/**
 * Records that are not events are written to {@code incident.events.v1} between good incidents:
 * plain bytes, and bytes that look like Avro single-object encoding ({@code 0xC3 0x01}) but name
 * a schema fingerprint no release has, followed by garbage. Every good incident's alerts are
 * delivered; both consumers of the topic (notification-service's fan-out and incident-service's
 * view) move their offsets past every poison record; every poison record is found on
 * incident.events.v1's dead-letter topic, which the topic catalogue must list (the scenario fails
 * when it does not).
 */
final class PoisonRecords extends Scenario {

    static final int ROUNDS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Poison(String kind, byte[] value, TopicPartition partition, long offset) {
    }

    @Override
    String name() {
        return "poison";
    }

    @Override
    AlertCount.Result run(Run run) {
        Traffic traffic = run.traffic();
        List<Poison> poison = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer(run)) {
            for (int round = 1; round <= ROUNDS; round++) {
                run.at(run.traffic.multipliedBy(round).dividedBy(ROUNDS + 1));
                for (Poison written : List.of(
                        write(producer, "raw bytes", ("not an event at all " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)),
                        write(producer, "unknown fingerprint", unknownFingerprint()))) {
                    poison.add(written);
                    run.note("wrote %s to %s at offset %d", written.kind(), written.partition(), written.offset());
                }
            }
        }
        run.stopTraffic(traffic);
        return run.countTraffic(traffic, count -> {
            for (String group : List.of(ScaleOutAndIn.FANOUT, "incident-service")) {
                Map<TopicPartition, Long> committed = awaitPast(run, group, poison);
                run.note("%s committed %s", group, committed);
            }
            deadLetterTopic(run, Topics.DEAD_LETTERS).ifPresent(topic -> requireDeadLettered(run, topic, poison));
        });
    }

    /** {@code 0xC3 0x01}, eight random bytes as the fingerprint, then garbage. */
    static byte[] unknownFingerprint() {
        byte[] value = new byte[10 + 24];
        RANDOM.nextBytes(value);
        value[0] = (byte) 0xC3;
        value[1] = (byte) 0x01;
        return value;
    }

    private static Poison write(KafkaProducer<String, byte[]> producer, String kind, byte[] value) {
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(Topics.INCIDENTS.name(), UUID.randomUUID().toString(), value))
                    .get(30, TimeUnit.SECONDS);
            return new Poison(kind, value, new TopicPartition(written.topic(), written.partition()), written.offset());
        } catch (Exception e) {
            throw new IllegalStateException("Could not write poison", e);
        }
    }

    private static KafkaProducer<String, byte[]> producer(Run run) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, run.cluster.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Until the group's committed offset is past every poison record on its partition. */
    private static Map<TopicPartition, Long> awaitPast(Run run, String group, List<Poison> poison) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<TopicPartition, Long> committed = Map.of();
        while (System.nanoTime() < deadline) {
            committed = ReplayFromZero.committed(run, group);
            Map<TopicPartition, Long> now = committed;
            if (poison.stream().allMatch(p -> now.getOrDefault(p.partition(), -1L) > p.offset())) {
                return committed;
            }
            Broker.sleep(500);
        }
        run.problem("%s did not move past every poison record: committed %s", group, committed);
        return committed;
    }

    /**
     * incident.events.v1's dead-letter topic, as the topic catalogue's dead-letter topics
     * ({@code Topics.DEAD_LETTERS}) list it; when they do not, a problem of the run, which then
     * fails (the poison check is never skipped).
     */
    static Optional<String> deadLetterTopic(Run run, Collection<Topics.Topic> deadLetters) {
        String name = Topics.INCIDENTS.name() + Topics.DEAD_LETTER_SUFFIX;
        Optional<String> topic = deadLetters.stream().map(Topics.Topic::name).filter(name::equals).findFirst();
        if (topic.isEmpty()) {
            run.problem("the topic catalogue (Topics.DEAD_LETTERS) has no dead-letter topic for %s: the poison records' "
                    + "dead letters cannot be checked", Topics.INCIDENTS.name());
        }
        return topic;
    }

    /**
     * Every poison record on the dead-letter topic with its bytes unchanged and a reason in its
     * headers (a header whose name says exception or reason); one copy per consumer of the topic
     * that dead-letters it.
     */
    private static void requireDeadLettered(Run run, String topic, List<Poison> poison) {
        Map<String, Integer> found = new HashMap<>();
        java.util.Set<String> headerNames = new java.util.TreeSet<>();
        List<String> withoutReason = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            found.clear();
            headerNames.clear();
            withoutReason.clear();
            try (TopicReader reader = new TopicReader(run.cluster.bootstrapServers(), topic)) {
                for (TopicReader.Read read : reader.catchUp()) {
                    for (Poison p : poison) {
                        if (Arrays.equals(read.value(), p.value())) {
                            found.merge(p.kind() + "@" + p.partition() + "/" + p.offset(), 1, Integer::sum);
                            read.headers().forEach(headerNames::add);
                            if (read.headers().stream().map(name -> name.toLowerCase(java.util.Locale.ROOT))
                                    .noneMatch(name -> name.contains("exception") || name.contains("reason"))) {
                                withoutReason.add(p.kind() + "@" + p.offset());
                            }
                        }
                    }
                }
            }
            if (found.size() == poison.size()) {
                run.note("every poison record is on %s with its bytes unchanged (copies: %s; headers: %s)", topic, found, headerNames);
                if (!withoutReason.isEmpty()) {
                    run.problem("dead letters without a reason header: %s", withoutReason);
                }
                return;
            }
            Broker.sleep(1_000);
        }
        run.problem("only %d of %d poison records reached %s: %s", found.size(), poison.size(), topic, found);
    }
}
