package org.entente.platform.schemas;

import org.apache.avro.specific.SpecificData;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.entente.platform.kafka.TopicProperties;
import org.entente.platform.kafka.TopicProvisioning;
import org.entente.schemas.EventTypes;
import org.entente.schemas.Topics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Schemas across releases, in every service that provisions the catalogue (so not in the
 * console): creates {@link Topics#SCHEMAS}, publishes the current schema of every event type on
 * it, and resolves the fingerprints this release does not know from it ({@link SchemaProperties}).
 * The clients take Spring Boot's Kafka settings (bootstrap servers,
 * security).
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, TopicProvisioning.class})
@ConditionalOnBean(TopicProperties.class)
@EnableConfigurationProperties(SchemaProperties.class)
public class SchemaTopicConfiguration {

    /** One partition: a few dozen small records that every service reads whole. */
    @Bean
    NewTopic ententeSchemaTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.SCHEMAS.name())
                .partitions(1)
                .replicas(topics.replicationFactor())
                .compact()
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInSyncReplicas()))
                .build();
    }

    @Bean(destroyMethod = "close")
    KafkaSchemaStore publishedSchemaStore(ConsumerFactory<?, ?> consumers, SchemaProperties properties) {
        return KafkaSchemaStore.start(consumers.getConfigurationProperties(), properties.lookupTimeout());
    }

    @Bean
    SchemaPublisher schemaPublisher(ProducerFactory<?, ?> producers) {
        return new SchemaPublisher(producers.getConfigurationProperties(),
                EventTypes.ALL.stream().map(SpecificData.get()::getSchema).toList());
    }
}
