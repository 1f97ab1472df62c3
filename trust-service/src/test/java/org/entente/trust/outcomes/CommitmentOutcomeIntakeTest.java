package org.entente.trust.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.events.CommitmentKind.ACKNOWLEDGE;
import static org.entente.events.CommitmentKind.INITIAL_ASSESSMENT;
import static org.entente.events.CommitmentResult.HONOURED;
import static org.entente.events.CommitmentResult.LATE;
import static org.entente.events.CommitmentResult.MISSED;
import static org.entente.trust.OutcomeEvents.inExercise;
import static org.entente.trust.OutcomeEvents.outcome;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.schemas.EventSerde;
import org.entente.schemas.EventSerializer;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitmentOutcomeIntakeTest {

    private static final Instant ISSUED_AT = Instant.parse("2026-11-20T09:00:00Z");

    private static final CommitmentOutcomeRecorded ACKNOWLEDGED =
            outcome("A-1", ACKNOWLEDGE, "FI", "EE", "AGR-NORDIC", HONOURED, ISSUED_AT, 60_000L);
    private static final CommitmentOutcomeRecorded ASSESSED_LATE =
            outcome("A-1", INITIAL_ASSESSMENT, "FI", "EE", "AGR-NORDIC", LATE, ISSUED_AT, 18_000_000L);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, CommitmentOutcomeRecorded> outcomes;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.COMMITMENT_OUTCOMES.name(), Consumed.with(Serdes.String(), EventSerde.of(CommitmentOutcomeRecorded.class)))
                .process(new CommitmentOutcomeIntake());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "trust-service");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config);
        outcomes = driver.createInputTopic(Topics.COMMITMENT_OUTCOMES.name(), new StringSerializer(), new EventSerializer<>());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void shouldStoreEachOutcomeUnderItsAlertAndKind() {
        outcomes.pipeInput("EE", ACKNOWLEDGED);
        outcomes.pipeInput("EE", ASSESSED_LATE);

        assertThat(stored()).containsExactly(
                KeyValue.pair("A-1/ACKNOWLEDGE", ACKNOWLEDGED),
                KeyValue.pair("A-1/INITIAL_ASSESSMENT", ASSESSED_LATE));
    }

    @Test
    void shouldDropExerciseOutcomes() {
        outcomes.pipeInput("EE", inExercise(
                outcome("X-1", ACKNOWLEDGE, "FI", "EE", "AGR-NORDIC", MISSED, ISSUED_AT, null), "EX-7"));

        assertThat(stored()).isEmpty();
    }

    @Test
    void shouldChangeNothingWhenAPartitionIsReplayed() {
        List<CommitmentOutcomeRecorded> partition = List.of(ACKNOWLEDGED, ASSESSED_LATE);
        partition.forEach(outcome -> outcomes.pipeInput("EE", outcome));
        List<KeyValue<String, CommitmentOutcomeRecorded>> beforeReplay = stored();

        partition.forEach(outcome -> outcomes.pipeInput("EE", outcome));

        assertThat(stored()).isEqualTo(beforeReplay).hasSize(2);
    }

    @Test
    void shouldKeepTheLatestOutcomeOfACommitment() {
        CommitmentOutcomeRecorded missed = outcome("A-2", ACKNOWLEDGE, "LV", "EE", "AGR-BALTIC", MISSED, ISSUED_AT, null);
        CommitmentOutcomeRecorded lateAfterAll = outcome("A-2", ACKNOWLEDGE, "LV", "EE", "AGR-BALTIC", LATE, ISSUED_AT, 90_000_000L);

        outcomes.pipeInput("EE", missed);
        outcomes.pipeInput("EE", lateAfterAll);

        assertThat(stored()).containsExactly(KeyValue.pair("A-2/ACKNOWLEDGE", lateAfterAll));
    }

    @Test
    void shouldRejectAnOutcomeKeyedByAnotherStateThanItsRecipientBeforeStoringIt() {
        assertThatThrownBy(() -> outcomes.pipeInput("FI", ACKNOWLEDGED))
                .hasRootCauseInstanceOf(InvalidEventException.class)
                .hasRootCauseMessage("key \"FI\" is not the event's recipientState \"EE\"");

        assertThat(stored()).isEmpty();
    }

    private List<KeyValue<String, CommitmentOutcomeRecorded>> stored() {
        KeyValueStore<String, CommitmentOutcomeRecorded> store = driver.getKeyValueStore(CommitmentOutcomeIntake.STORE);
        List<KeyValue<String, CommitmentOutcomeRecorded>> entries = new ArrayList<>();
        try (KeyValueIterator<String, CommitmentOutcomeRecorded> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }
}
