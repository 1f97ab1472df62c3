package org.entente.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.entente.schemas.Topics;
import org.junit.jupiter.api.Test;

class TopicProvisioningTest {

    @Test
    void shouldCreateEveryCatalogueTopicAndItsDeadLetterTopicWithTheSamePartitions() {
        TopicProperties properties = new TopicProperties(6, (short) 3);

        Map<String, NewTopic> topics = new java.util.TreeMap<>();
        for (NewTopic topic : TopicProvisioning.newTopics(properties)) {
            topics.put(topic.name(), topic);
        }

        assertThat(topics).hasSize(Topics.ALL.size() * 2);
        assertThat(topics.get("reference.states.v1").configs()).containsEntry("cleanup.policy", "compact");
        NewTopic deadLetters = topics.get("reference.states.v1.dlq");
        assertThat(deadLetters.numPartitions()).isEqualTo(6);
        assertThat(deadLetters.replicationFactor()).isEqualTo((short) 3);
        assertThat(deadLetters.configs()).containsEntry("retention.ms", "-1").containsEntry("min.insync.replicas", "2")
                .doesNotContainKey("cleanup.policy");
        assertThat(topics.get("incident.events.v1.dlq").configs()).containsEntry("retention.ms", "-1");
    }
}
