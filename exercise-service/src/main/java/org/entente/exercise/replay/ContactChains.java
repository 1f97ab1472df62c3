package org.entente.exercise.replay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.entente.events.Contact;
import org.entente.events.ContactChain;
import org.entente.exercise.scenario.InlineReference;
import org.entente.exercise.scenario.Scenario;
import org.entente.schemas.EventDeserializer;
import org.entente.schemas.ExerciseKeys;
import org.entente.schemas.Topics;

/** Who is at each level of a state's contact chain, for the backups who answer in a scenario's script. */
final class ContactChains {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Map<String, List<String>> byState;

    private ContactChains(Map<String, List<String>> byState) {
        this.byState = byState;
    }

    /** The chains the scenario brings with its own reference data, else the live ones. */
    static ContactChains of(Scenario scenario, ReplaySettings settings) {
        return scenario.reference() instanceof InlineReference inline ? of(inline) : live(settings);
    }

    private static ContactChains of(InlineReference reference) {
        Map<String, List<String>> byState = new HashMap<>();
        reference.contacts().forEach(chain -> byState.put(chain.state(),
                chain.chain().stream().map(InlineReference.Contact::id).toList()));
        return new ContactChains(byState);
    }

    /** The live chains, read to the end of {@code reference.contacts.v1} (compacted; exercises' own left out). */
    private static ContactChains live(ReplaySettings settings) {
        Map<String, Object> consumerSettings = new HashMap<>(settings.kafka());
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<String>> byState = new HashMap<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(),
                new EventDeserializer<>())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONTACTS.name()).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(POLL)) {
                    if (record.key() == null || ExerciseKeys.isExercise(record.key())) {
                        continue;
                    }
                    if (record.value() instanceof ContactChain chain) {
                        byState.put(record.key(), chain.getContacts().stream().map(Contact::getContactId).toList());
                    } else {
                        byState.remove(record.key());
                    }
                }
            }
        }
        return new ContactChains(byState);
    }

    /** The contact at {@code level} of the state's chain; empty when the chain is shorter. */
    Optional<String> at(String state, int level) {
        List<String> chain = byState.getOrDefault(state, List.of());
        return level < chain.size() ? Optional.of(chain.get(level)) : Optional.empty();
    }
}
