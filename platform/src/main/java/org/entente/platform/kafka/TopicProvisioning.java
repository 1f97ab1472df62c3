package org.entente.platform.kafka;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.entente.schemas.Topics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates every catalogue topic and its dead-letter topic that does not exist yet, whichever
 * service starts first, so that partition counts match for co-partitioned streams (and a dead
 * letter keeps the partition it came from).
 */
@AutoConfiguration
@EnableConfigurationProperties(TopicProperties.class)
public class TopicProvisioning {

    @Bean
    KafkaAdmin.NewTopics ententeTopics(TopicProperties properties) {
        return new KafkaAdmin.NewTopics(newTopics(properties).toArray(NewTopic[]::new));
    }

    static List<NewTopic> newTopics(TopicProperties properties) {
        return Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTERS.stream()).map(topic -> newTopic(topic, properties)).toList();
    }

    static NewTopic newTopic(Topics.Topic topic, TopicProperties properties) {
        return TopicBuilder.name(topic.name())
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .configs(topic.compacted()
                        ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                        : Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(properties.minInSyncReplicas()))
                .build();
    }
}
