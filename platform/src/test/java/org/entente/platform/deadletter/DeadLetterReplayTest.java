package org.entente.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.entente.events.IncidentReported;
import org.entente.platform.schemas.EmbeddedBroker;
import org.entente.platform.schemas.NextRelease;
import org.entente.platform.schemas.PublishedSchemas;
import org.entente.platform.schemas.Samples;
import org.entente.platform.schemas.TestKafka;
import org.entente.schemas.EventCodec;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Topics;
import org.entente.schemas.UndecodableEventException;
import org.entente.schemas.UnknownSchemaException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The replay on a real broker. Records are dead-lettered as the services' binder does it
 * (spring-kafka's recoverer with {@link DeadLetterRouting}), each test on a topic of its own: the
 * replay reads a whole dead-letter topic, whatever the events on it.
 */
@EmbeddedBroker
class DeadLetterReplayTest {

    static final int PARTITIONS = 2;

    @BeforeAll
    static void createTopics(EmbeddedKafkaBroker broker) throws Exception {
        TestKafka.createTopics(broker, Stream.concat(
                Stream.of(TopicBuilder.name(Topics.SCHEMAS.name()).partitions(1).compact().build()),
                Stream.of(Topics.INCIDENTS, Topics.ALERTS, Topics.DISCLOSURES, Topics.COMMITMENT_OUTCOMES)
                        .flatMap(topic -> Stream.of(topic, topic.deadLetters()))
                        .map(topic -> TopicBuilder.name(topic.name()).partitions(PARTITIONS).build()))
                .toArray(NewTopic[]::new));
    }

    @Test
    void shouldReplayDeadLettersToTheirTopicOnceWithTheirOriginalBytes(EmbeddedKafkaBroker broker) throws Exception {
        // Given, during a rolling upgrade, an incident the next release wrote before it published its schema, and an
        // incident a consumer rule refused (both dead-lettered, the rule since fixed and the schema since published)
        String topic = Topics.INCIDENTS.name();
        Schema next = NextRelease.withOptionalField(IncidentReported.getClassSchema(), "replayReference");
        ConsumerRecord<byte[], byte[]> newer = write(broker, topic, 1, "INC-1",
                NextRelease.encode(next, Samples.incident("INC-1"), "replayReference", "r-1"));
        ConsumerRecord<byte[], byte[]> refused = write(broker, topic, 0, "INC-2", EventCodec.instance().encode(Samples.incident("INC-2")));
        deadLetter(broker, newer, new UnknownSchemaException("unknown schema fingerprint …"));
        deadLetter(broker, refused, new InvalidEventException("a rule since fixed"));
        TestKafka.send(broker, PublishedSchemas.record(next));

        // When the dead letters are replayed
        DeadLetterReplay.Outcome first = replay(broker).replay(topic, null, false);

        // Then both are back on their topic, in their partitions, as they were first written
        assertThat(first.replayed()).extracting(replayed -> replayed.letter().key(), DeadLetterReplay.Replayed::toPartition,
                DeadLetterReplay.Replayed::deadLetteredFor).containsExactlyInAnyOrder(
                        tuple("INC-1", 1, UnknownSchemaException.class.getName() + ": unknown schema fingerprint …"),
                        tuple("INC-2", 0, InvalidEventException.class.getName() + ": a rule since fixed"));
        assertThat(first.skipped()).isEmpty();
        assertThat(onTopic(broker, topic)).containsExactly(
                Written.of(refused), Written.of(refused), Written.of(newer), Written.of(newer));

        // When the replay runs again, Then it replays nothing more
        DeadLetterReplay.Outcome second = replay(broker).replay(topic, null, false);
        assertThat(second).isEqualTo(new DeadLetterReplay.Outcome(List.of(), List.of()));
        assertThat(onTopic(broker, topic)).hasSize(4);
    }

    @Test
    void shouldSkipWhatStillDoesNotDecodeAndASecondDeadLetterOfOneRecord(EmbeddedKafkaBroker broker) throws Exception {
        // Given bytes that are no event, one consumer group's and then another's dead letter of one incident, and an
        // incident whose schema was never published
        String topic = Topics.ALERTS.name();
        Schema unpublished = NextRelease.withOptionalField(IncidentReported.getClassSchema(), "neverPublished");
        ConsumerRecord<byte[], byte[]> garbage = write(broker, topic, 0, "EE", "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> twice = write(broker, topic, 0, "LV", EventCodec.instance().encode(Samples.incident("INC-3")));
        ConsumerRecord<byte[], byte[]> unknown = write(broker, topic, 0, "LT",
                NextRelease.encode(unpublished, Samples.incident("INC-4"), "neverPublished", "x"));
        long garbageLetter = deadLetter(broker, garbage, new UndecodableEventException("not Avro single-object encoded")).offset();
        deadLetter(broker, twice, new InvalidEventException("refused by one group"));
        long secondLetter = deadLetter(broker, twice, new InvalidEventException("refused by another group")).offset();
        long unknownLetter = deadLetter(broker, unknown, new UnknownSchemaException("unknown schema fingerprint …")).offset();

        // When the dead letters are replayed
        DeadLetterReplay.Outcome outcome = replay(broker).replay(topic, null, false);

        // Then only the first dead letter of the incident goes back, and the replay says why it skipped the others
        assertThat(outcome.replayed()).extracting(replayed -> replayed.letter().key()).containsExactly("LV");
        String deadLetters = Topics.ALERTS.deadLetters().name();
        assertThat(outcome.skipped()).containsExactly(
                new DeadLetterReplay.Skipped(new DeadLetterReplay.Letter(deadLetters, 0, garbageLetter, "EE"),
                        "still does not decode: not Avro single-object encoded"),
                new DeadLetterReplay.Skipped(new DeadLetterReplay.Letter(deadLetters, 0, secondLetter, "LV"),
                        "another dead letter of " + topic + "-0@" + twice.offset() + " (from another consumer group) was handled before"),
                new DeadLetterReplay.Skipped(new DeadLetterReplay.Letter(deadLetters, 0, unknownLetter, "LT"),
                        "still does not decode: unknown schema fingerprint " + Long.toHexString(
                                SchemaNormalization.parsingFingerprint64(unpublished))));
        assertThat(onTopic(broker, topic)).containsExactly(
                Written.of(garbage), Written.of(twice), Written.of(unknown), Written.of(twice));
    }

    @Test
    void shouldWriteNothingAndKeepItsPositionOnADryRun(EmbeddedKafkaBroker broker) throws Exception {
        // Given a dead letter
        String topic = Topics.DISCLOSURES.name();
        ConsumerRecord<byte[], byte[]> refused = write(broker, topic, 1, "EE", EventCodec.instance().encode(Samples.incident("INC-5")));
        deadLetter(broker, refused, new InvalidEventException("a rule since fixed"));

        // When a dry run looks at it
        DeadLetterReplay.Outcome dryRun = replay(broker).replay(topic, null, true);

        // Then it says it would replay it, and writes nothing
        assertThat(dryRun.replayed()).extracting(replayed -> replayed.letter().key()).containsExactly("EE");
        assertThat(onTopic(broker, topic)).containsExactly(Written.of(refused));
        // and the replay after it still replays it
        assertThat(replay(broker).replay(topic, null, false).replayed()).extracting(replayed -> replayed.letter().key())
                .containsExactly("EE");
        assertThat(onTopic(broker, topic)).containsExactly(Written.of(refused), Written.of(refused));
    }

    @Test
    void shouldSkipDeadLettersFromBeforeSince(EmbeddedKafkaBroker broker) throws Exception {
        // Given a dead letter from before a fix and one from after it
        String topic = Topics.COMMITMENT_OUTCOMES.name();
        ConsumerRecord<byte[], byte[]> before = write(broker, topic, 0, "EE", EventCodec.instance().encode(Samples.incident("INC-6")));
        ConsumerRecord<byte[], byte[]> after = write(broker, topic, 0, "LV", EventCodec.instance().encode(Samples.incident("INC-7")));
        ConsumerRecord<byte[], byte[]> beforeLetter = deadLetter(broker, before, new InvalidEventException("an older problem"));
        Thread.sleep(5);
        Instant since = Instant.now();
        Thread.sleep(5);
        deadLetter(broker, after, new InvalidEventException("the problem now fixed"));

        // When the dead letters since the fix are replayed
        DeadLetterReplay.Outcome outcome = replay(broker).replay(topic, since, false);

        // Then only the later one goes back
        assertThat(outcome.replayed()).extracting(replayed -> replayed.letter().key()).containsExactly("LV");
        assertThat(outcome.skipped()).extracting(DeadLetterReplay.Skipped::reason).containsExactly(
                "dead-lettered at " + Instant.ofEpochMilli(beforeLetter.timestamp()) + ", before " + since);
        assertThat(onTopic(broker, topic)).containsExactly(Written.of(before), Written.of(after), Written.of(after));
    }

    /** A record as a consumer of the topic sees it. */
    record Written(int partition, String key, String valueHex, long timestamp, Map<String, String> headers) {

        static Written of(ConsumerRecord<byte[], byte[]> record) {
            return new Written(record.partition(), new String(record.key(), StandardCharsets.UTF_8),
                    HexFormat.of().formatHex(record.value()), record.timestamp(),
                    StreamSupport.stream(record.headers().spliterator(), false).collect(Collectors.toMap(
                            Header::key, header -> new String(header.value(), StandardCharsets.UTF_8))));
        }
    }

    static DeadLetterReplay replay(EmbeddedKafkaBroker broker) {
        return new DeadLetterReplay(TestKafka.clientConfig(broker), DeadLetterReplay.DEFAULT_GROUP);
    }

    static List<Written> onTopic(EmbeddedKafkaBroker broker, String topic) {
        return TestKafka.readAll(broker, topic).stream().map(Written::of).toList();
    }

    /** Writes a record as a producer would, with a trace header, and reads it back as its consumer gets it. */
    static ConsumerRecord<byte[], byte[]> write(EmbeddedKafkaBroker broker, String topic, int partition, String key, byte[] value)
            throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, key.getBytes(StandardCharsets.UTF_8), value);
        record.headers().add(new RecordHeader("traceparent", ("00-" + key + "-01").getBytes(StandardCharsets.UTF_8)));
        RecordMetadata written = TestKafka.sendBytes(broker, record);
        return TestKafka.readAll(broker, topic).stream()
                .filter(read -> read.partition() == written.partition() && read.offset() == written.offset())
                .findFirst().orElseThrow();
    }

    /** Dead-letters {@code record} as the services' binder does, and reads the dead letter back. */
    static ConsumerRecord<byte[], byte[]> deadLetter(EmbeddedKafkaBroker broker, ConsumerRecord<byte[], byte[]> record,
            Exception reason) {
        DeadLetterRouting routing = new DeadLetterRouting(new SimpleMeterRegistry());
        DefaultKafkaProducerFactory<byte[], byte[]> producers = new DefaultKafkaProducerFactory<>(TestKafka.clientConfig(broker),
                new ByteArraySerializer(), new ByteArraySerializer());
        new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
                (failed, e) -> new TopicPartition(routing.apply(failed, e), failed.partition())).accept(record, reason);
        producers.destroy();
        List<ConsumerRecord<byte[], byte[]>> letters = TestKafka.readAll(broker, Topics.deadLettersOf(record.topic()).name()).stream()
                .filter(letter -> letter.partition() == record.partition()).toList();
        return letters.get(letters.size() - 1);
    }
}
