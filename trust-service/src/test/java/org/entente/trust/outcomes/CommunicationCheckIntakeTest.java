package org.entente.trust.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.avro.specific.SpecificRecord;
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
import org.entente.events.AlertAcknowledged;
import org.entente.events.CommitmentResult;
import org.entente.events.CommunicationCheckAcknowledged;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.CommunicationCheckSent;
import org.entente.events.EventMetadata;
import org.entente.schemas.EventSerde;
import org.entente.schemas.EventSerializer;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Topics;
import org.entente.schemas.UnexpectedEventTypeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunicationCheckIntakeTest {

    private static final Instant SENT_AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final EventMetadata METADATA = new EventMetadata("event-1", SENT_AT, "notification-service", null);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> checks;

    @BeforeEach
    void startTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.COMMUNICATION_CHECKS.name(), Consumed.with(Serdes.String(), new EventSerde<SpecificRecord>()))
                .process(new CommunicationCheckIntake());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "trust-service");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config);
        checks = driver.createInputTopic(Topics.COMMUNICATION_CHECKS.name(), new StringSerializer(), new EventSerializer<>());
    }

    @AfterEach
    void stopTopology() {
        driver.close();
    }

    @Test
    void shouldStoreOutcomesByCheckAndPassOverChecksSentAndAcknowledged() {
        CommunicationCheckOutcomeRecorded honoured = outcome("C-1", "EE", CommitmentResult.HONOURED, 600_000L);
        CommunicationCheckOutcomeRecorded missed = outcome("C-2", "EE", CommitmentResult.MISSED, null);

        checks.pipeInput("EE", new CommunicationCheckSent(METADATA, "C-1", "EE", "ee-duty", SENT_AT, SENT_AT.plusSeconds(7200),
                SENT_AT.plusSeconds(86_400)));
        checks.pipeInput("EE", new CommunicationCheckAcknowledged(METADATA, "C-1", "EE", "ee-poc", SENT_AT.plusSeconds(600)));
        checks.pipeInput("EE", honoured);
        checks.pipeInput("EE", missed);
        checks.pipeInput("EE", honoured);

        assertThat(stored()).containsExactly(KeyValue.pair("C-1", honoured), KeyValue.pair("C-2", missed));
    }

    @Test
    void shouldRejectAnOutcomeKeyedByAnotherStateOrAnEventThatDoesNotBelongHere() {
        assertThatThrownBy(() -> checks.pipeInput("FI", outcome("C-3", "EE", CommitmentResult.LATE, 9_000_000L)))
                .hasRootCauseInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> checks.pipeInput("EE", new AlertAcknowledged(METADATA, "A-1", "EE", "ee-poc", SENT_AT)))
                .hasRootCauseInstanceOf(UnexpectedEventTypeException.class);

        assertThat(stored()).isEmpty();
    }

    private static CommunicationCheckOutcomeRecorded outcome(String checkId, String state, CommitmentResult result, Long responseMillis) {
        return new CommunicationCheckOutcomeRecorded(METADATA, checkId, state, state.toLowerCase() + "-duty", SENT_AT,
                SENT_AT.plusSeconds(7200), result, responseMillis == null ? null : SENT_AT.plusMillis(responseMillis),
                responseMillis == null ? null : state.toLowerCase() + "-poc", responseMillis);
    }

    private List<KeyValue<String, CommunicationCheckOutcomeRecorded>> stored() {
        KeyValueStore<String, CommunicationCheckOutcomeRecorded> store = driver.getKeyValueStore(CommunicationCheckIntake.STORE);
        List<KeyValue<String, CommunicationCheckOutcomeRecorded>> entries = new ArrayList<>();
        try (KeyValueIterator<String, CommunicationCheckOutcomeRecorded> all = store.all()) {
            all.forEachRemaining(entries::add);
        }
        return entries;
    }
}
