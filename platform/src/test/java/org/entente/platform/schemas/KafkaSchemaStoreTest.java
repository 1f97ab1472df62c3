package org.entente.platform.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.entente.events.IncidentReported;
import org.entente.events.StateProfile;
import org.entente.schemas.EventDeserializer;
import org.entente.schemas.Topics;
import org.entente.schemas.UnknownSchemaException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A rolling upgrade on a real broker: the next release writes an incident with a schema today's
 * reader was not compiled with, and today's reader, following {@code schemas.v1}, reads it.
 */
@EmbeddedBroker
class KafkaSchemaStoreTest {

    static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(2);

    @BeforeAll
    static void createSchemaTopic(EmbeddedKafkaBroker broker) throws Exception {
        TestKafka.createTopics(broker, TopicBuilder.name(Topics.SCHEMAS.name()).partitions(1).compact().build());
    }

    @Test
    void shouldReadAnIncidentWrittenWithTheNextReleasesSchemaOnceItsWriterPublishedIt(EmbeddedKafkaBroker broker)
            throws Exception {
        // Given today's reader, following the published schemas, and an incident the next release wrote
        Schema next = NextRelease.withOptionalField(IncidentReported.getClassSchema(), "sourceReference");
        IncidentReported incident = Samples.incident("INC-next-1");
        byte[] written = NextRelease.encode(next, incident, "sourceReference", "CERT-EE 2026/118");
        EventDeserializer<IncidentReported> reader = new EventDeserializer<>(IncidentReported.class);
        try (KafkaSchemaStore store = KafkaSchemaStore.start(TestKafka.clientConfig(broker), LOOKUP_TIMEOUT)) {

            // When the next release has not published its schema, Then today's reader refuses the record, as before
            assertThatThrownBy(() -> reader.deserialize(Topics.INCIDENTS.name(), written))
                    .isInstanceOf(UnknownSchemaException.class)
                    .hasMessage("unknown schema fingerprint " + Long.toHexString(SchemaNormalization.parsingFingerprint64(next)));

            // When it publishes it (just before the reader meets the record again)
            TestKafka.send(broker, PublishedSchemas.record(next));

            // Then today's reader reads the record into today's class, the field it does not know dropped
            assertThat(reader.deserialize(Topics.INCIDENTS.name(), written)).isEqualTo(incident);
        }
    }

    @Test
    void shouldIgnoreASchemaPublishedUnderAnotherSchemasFingerprint(EmbeddedKafkaBroker broker) throws Exception {
        // Given a schema published under the fingerprint of another, and the other published properly
        Schema next = NextRelease.withOptionalField(StateProfile.getClassSchema(), "capital");
        Schema forged = NextRelease.withOptionalField(StateProfile.getClassSchema(), "forged");
        long nextFingerprint = SchemaNormalization.parsingFingerprint64(next);
        long forgedFingerprint = SchemaNormalization.parsingFingerprint64(forged);
        try (KafkaSchemaStore store = KafkaSchemaStore.start(TestKafka.clientConfig(broker), LOOKUP_TIMEOUT)) {
            TestKafka.send(broker, new ProducerRecord<>(Topics.SCHEMAS.name(), PublishedSchemas.key(nextFingerprint),
                    forged.toString()));
            TestKafka.send(broker, PublishedSchemas.record(next));

            // When a reader looks both fingerprints up
            Schema foundForNext = store.findByFingerprint(nextFingerprint);
            Schema foundForForged = store.findByFingerprint(forgedFingerprint);

            // Then it finds each schema under its own fingerprint only
            assertThat(foundForNext).isEqualTo(next);
            assertThat(foundForForged).isNull();
        }
    }
}
