package org.entente.trust.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.entente.events.AlertAcknowledged;
import org.entente.events.CommitmentResult;
import org.entente.events.CommunicationCheckAcknowledged;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.CommunicationCheckSent;
import org.entente.events.EventMetadata;
import org.entente.schemas.EventSerde;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Topics;
import org.entente.schemas.UnexpectedEventTypeException;
import org.entente.trust.figures.Figures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunicationCheckIntakeTest {

    private static final Instant SENT_AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);
    private static final EventMetadata METADATA = new EventMetadata("event-1", SENT_AT, "notification-service", null);

    @TempDir
    Path stateDir;

    private IntakeDriver<SpecificRecord> intake;

    @BeforeEach
    void startTopology() {
        intake = new IntakeDriver<>(Topics.COMMUNICATION_CHECKS.name(), new EventSerde<>(), new CommunicationCheckIntake(CLOCK),
                stateDir);
    }

    @AfterEach
    void stopTopology() {
        intake.close();
    }

    /** 600,000 ms reads 600,063: the top of its bucket (an HdrHistogram slot), 512 ms wide there. */
    @Test
    void shouldStoreAndCountOutcomesByCheckAndPassOverChecksSentAndAcknowledged() {
        CommunicationCheckOutcomeRecorded honoured = outcome("C-1", "EE", CommitmentResult.HONOURED, 600_000L);
        CommunicationCheckOutcomeRecorded missed = outcome("C-2", "EE", CommitmentResult.MISSED, null);
        Figures oneOfEach = new Figures(1, 0, 1, 2, 0.5, 600_063L, 600_063L);

        pipe(new CommunicationCheckSent(METADATA, "C-1", "EE", "ee-duty", SENT_AT, SENT_AT.plusSeconds(7200),
                SENT_AT.plusSeconds(86_400)));
        pipe(new CommunicationCheckAcknowledged(METADATA, "C-1", "EE", "ee-poc", SENT_AT.plusSeconds(600)));
        pipe(honoured);
        pipe(missed);
        pipe(honoured);

        assertThat(intake.stored(CommunicationCheckIntake.STORE))
                .containsExactly(KeyValue.pair("C-1", honoured), KeyValue.pair("C-2", missed));
        assertThat(intake.tallies(CommunicationCheckIntake.TALLIES))
                .containsExactly(Map.entry("2026-11-23|EE||", oneOfEach), Map.entry("all|EE||", oneOfEach));
    }

    @Test
    void shouldRejectAnOutcomeKeyedByAnotherStateOrAnEventThatDoesNotBelongHere() {
        assertThatThrownBy(() -> intake.input().pipeInput("FI", outcome("C-3", "EE", CommitmentResult.LATE, 9_000_000L)))
                .hasRootCauseInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> pipe(new AlertAcknowledged(METADATA, "A-1", "EE", "ee-poc", SENT_AT)))
                .hasRootCauseInstanceOf(UnexpectedEventTypeException.class);

        assertThat(intake.stored(CommunicationCheckIntake.STORE)).isEmpty();
        assertThat(intake.tallies(CommunicationCheckIntake.TALLIES)).isEmpty();
    }

    private void pipe(SpecificRecord event) {
        intake.input().pipeInput("EE", event);
    }

    private static CommunicationCheckOutcomeRecorded outcome(String checkId, String state, CommitmentResult result, Long responseMillis) {
        return new CommunicationCheckOutcomeRecorded(METADATA, checkId, state, state.toLowerCase() + "-duty", SENT_AT,
                SENT_AT.plusSeconds(7200), result, responseMillis == null ? null : SENT_AT.plusMillis(responseMillis),
                responseMillis == null ? null : state.toLowerCase() + "-poc", responseMillis);
    }
}
