package org.entente.platform.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.entente.events.IncidentReported;
import org.entente.platform.kafka.TopicProvisioning;
import org.entente.schemas.EventCodec;
import org.entente.schemas.EventTypes;
import org.entente.schemas.Topics;
import org.entente.schemas.UnknownSchemaException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** The schema topic in a service, on a real broker: created, filled with the service's schemas, read back. */
@EmbeddedBroker
class SchemaTopicConfigurationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, TopicProvisioning.class,
                    SchemaTopicConfiguration.class))
            .withPropertyValues("entente.topics.partitions=1");

    @Test
    void shouldCreateTheCompactedSchemaTopicAndPublishTheCurrentSchemaOfEveryEventType(EmbeddedKafkaBroker broker) {
        // Given the current schemas, and the schema topic as it is before the service starts
        List<Map.Entry<String, String>> current = EventTypes.ALL.stream().map(SpecificData.get()::getSchema)
                .map(schema -> Map.entry(PublishedSchemas.key(SchemaNormalization.parsingFingerprint64(schema)), schema.toString()))
                .toList();
        long before = TestKafka.nextOffset(broker, Topics.SCHEMAS.name());

        // When a service starts
        service.withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString()).run(context -> {

            // Then schemas.v1 exists, compacted, with one partition
            try (Admin admin = Admin.create(TestKafka.clientConfig(broker))) {
                TopicDescription topic = admin.describeTopics(List.of(Topics.SCHEMAS.name())).allTopicNames().get()
                        .get(Topics.SCHEMAS.name());
                assertThat(topic.partitions()).hasSize(1);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SCHEMAS.name());
                assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            // and the service appended the current schema of every event type to it, under its fingerprint
            await().atMost(WAIT).untilAsserted(() -> assertThat(TestKafka.readAll(broker, Topics.SCHEMAS.name()).stream()
                    .filter(record -> record.offset() >= before)
                    .map(record -> Map.entry(new String(record.key(), StandardCharsets.UTF_8),
                            new String(record.value(), StandardCharsets.UTF_8)))
                    .toList())
                    .isEqualTo(current));
        });
    }

    @Test
    void shouldResolveWhatTheNextReleasePublishedWhileTheServiceRuns(EmbeddedKafkaBroker broker) {
        // Given two schemas the next release published, and an incident written with each
        IncidentReported incident = Samples.incident("INC-running");
        Schema whileRunning = NextRelease.withOptionalField(IncidentReported.getClassSchema(), "whileRunning");
        Schema afterStop = NextRelease.withOptionalField(IncidentReported.getClassSchema(), "afterStop");
        byte[] readWhileRunning = NextRelease.encode(whileRunning, incident, "whileRunning", "x");
        byte[] readAfterStop = NextRelease.encode(afterStop, incident, "afterStop", "x");
        service.withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString()).run(context -> {
            TestKafka.send(broker, PublishedSchemas.record(whileRunning));
            TestKafka.send(broker, PublishedSchemas.record(afterStop));

            // When the codec meets the first while the service runs, Then it reads it
            assertThat(EventCodec.instance().decode(readWhileRunning)).isEqualTo(incident);
        });

        // When it meets the second once the service stopped, Then it no longer asks the service's store
        assertThatThrownBy(() -> EventCodec.instance().decode(readAfterStop)).isInstanceOf(UnknownSchemaException.class);
    }

    @Test
    void shouldStayOutOfAnApplicationThatDoesNotProvisionTheCatalogue() {
        // Given an application with Kafka but without the catalogue's provisioning (the console)
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, SchemaTopicConfiguration.class))

                // When it starts, Then it neither publishes schemas nor follows them
                .run(context -> assertThat(context).doesNotHaveBean(SchemaPublisher.class).doesNotHaveBean(KafkaSchemaStore.class));
    }
}
