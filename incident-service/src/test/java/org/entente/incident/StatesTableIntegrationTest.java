package org.entente.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.events.EventMetadata;
import org.entente.events.StateProfile;
import org.entente.platform.states.KnownStates;
import org.entente.platform.states.StatesTable;
import org.entente.platform.states.StatesUnavailableException;
import org.entente.testing.KafkaTestBroker;
import org.entente.testing.ReferenceStates;
import org.entente.testing.TopicProbe;
import org.entente.testing.WithKafkaBroker;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The intake's registered states follow {@code reference.states.v1} through its snapshot
 * ({@link StatesTable}): within the bounds its javadoc promises, read against the global table
 * itself. The service reads a states topic of this class's own, so that its table starts empty
 * whatever the other classes registered; its own application id keeps it out of their group.
 */
@WithKafkaBroker
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        IncidentServiceApplication.CONFIG_NAME,
        "spring.cloud.stream.kafka.streams.binder.functions.recordIncident.application-id=incident-service-states-table"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatesTableIntegrationTest {

    static final String STATES_TOPIC = "reference.states.v1.test-" + UUID.randomUUID();

    @Autowired
    KnownStates states;

    @Autowired
    InteractiveQueryService queries;

    @DynamicPropertySource
    static void readOwnStatesTopic(DynamicPropertyRegistry registry) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.get().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(STATES_TOPIC, 1, (short) 1))).all().get();
        }
        registry.add("spring.cloud.stream.bindings.recordIncident-in-1.destination", () -> STATES_TOPIC);
    }

    @Test
    @Order(1)
    void shouldBeUnavailableWhileTheTableHoldsNoState() {
        // Given the table is queryable and its topic has no record
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> table().approximateNumEntries() == 0);

        // Then no code is known or unknown yet
        assertThatThrownBy(() -> states.contains("EE")).isInstanceOf(StatesUnavailableException.class).hasNoCause();
    }

    @Test
    @Order(2)
    void shouldAcceptAStateRightAfterItIsRegistered() throws InterruptedException {
        // Given the intake knows EE, and has just read the table (a code it lacks, once a re-read is due)
        register("EE");
        ReferenceStates.awaitKnown(states, List.of("EE"));
        Thread.sleep(StatesTable.REREAD_INTERVAL.toMillis());
        assertThat(states.contains("LT")).isFalse();

        // When LT is registered and the table holds it
        register("LT");
        awaitTableHolds("LT", true);
        Thread.sleep(StatesTable.REREAD_INTERVAL.toMillis());

        // Then its first lookup, well within MAX_AGE of the last read, accepts it
        assertThat(states.contains("LT")).isTrue();
    }

    @Test
    @Order(3)
    void shouldRefuseARemovedStateWithinMaxAge() {
        // Given the intake knows EE and SE
        register("EE");
        register("SE");
        ReferenceStates.awaitKnown(states, List.of("EE", "SE"));

        // When SE's tombstone is on the topic and the table no longer holds it
        TopicProbe.write(STATES_TOPIC, "SE", null);
        awaitTableHolds("SE", false);

        // Then SE is refused within MAX_AGE of that (a lookup every 20 ms), and EE is still known
        await().atMost(StatesTable.MAX_AGE.plusMillis(200)).pollInterval(Duration.ofMillis(20)).until(() -> !states.contains("SE"));
        assertThat(states.contains("EE")).isTrue();
    }

    private static void register(String code) {
        TopicProbe.write(STATES_TOPIC, code, new StateProfile(new EventMetadata("test-state-" + code, Instant.now(), "test", null),
                code, "State " + code));
    }

    private void awaitTableHolds(String code, boolean holds) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10)).until(() -> (table().get(code) != null) == holds);
    }

    private ReadOnlyKeyValueStore<String, Object> table() {
        return queries.getQueryableStore(StatesTable.STORE, QueryableStoreTypes.keyValueStore());
    }
}
