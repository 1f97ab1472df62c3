package org.entente.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayDeadLettersTest {

    @Test
    void shouldTakeItsClientSettingsFromACommandConfigFileAsKafkasToolsDo(@TempDir Path directory) throws Exception {
        // Given a file of client properties, as an operator keeps for Kafka's own tools
        Path clientProperties = directory.resolve("client.properties");
        Files.writeString(clientProperties, "security.protocol=SASL_SSL\nbootstrap.servers=elsewhere:9093\n");

        // When the replay is started with it
        ReplayDeadLetters.Arguments arguments = ReplayDeadLetters.Arguments.parse("--topic", "incident.events.v1",
                "--command-config", clientProperties.toString(), "--bootstrap-servers", "kafka-0:9093", "--since",
                "2026-11-30T08:00:00Z", "--dry-run", "--group", "replay-after-upgrade");

        // Then the file's settings apply, but the servers named on the command line win
        assertThat(arguments).isEqualTo(new ReplayDeadLetters.Arguments(
                Map.of("security.protocol", "SASL_SSL", "bootstrap.servers", "kafka-0:9093"), "incident.events.v1",
                Instant.parse("2026-11-30T08:00:00Z"), true, "replay-after-upgrade"));
    }

    @Test
    void shouldReplayForItsOwnGroupUnlessToldOtherwise() {
        assertThat(ReplayDeadLetters.Arguments.parse("--bootstrap-servers", "127.0.0.1:19092", "--topic", "alert.events.v1"))
                .isEqualTo(new ReplayDeadLetters.Arguments(Map.of("bootstrap.servers", "127.0.0.1:19092"), "alert.events.v1",
                        null, false, DeadLetterReplay.DEFAULT_GROUP));
    }

    @Test
    void shouldRefuseIncompleteOrUnknownArguments() {
        assertThatThrownBy(() -> ReplayDeadLetters.Arguments.parse("--topic", "incident.events.v1"))
                .hasMessage("--bootstrap-servers and --topic are required");
        assertThatThrownBy(() -> ReplayDeadLetters.Arguments.parse("--bootstrap-servers", "k:9092", "--topic", "t", "--force"))
                .hasMessage("unknown argument --force");
        assertThatThrownBy(() -> ReplayDeadLetters.Arguments.parse("--bootstrap-servers", "k:9092", "--topic", "incident.events.v1.dlq"))
                .hasMessage("incident.events.v1.dlq is not a catalogue topic");
        assertThatThrownBy(() -> ReplayDeadLetters.Arguments.parse("--bootstrap-servers", "k:9092", "--topic"))
                .hasMessage("--topic needs a value");
        assertThatThrownBy(() -> ReplayDeadLetters.Arguments.parse("--bootstrap-servers", "k:9092", "--topic", "alert.events.v1", "--since",
                "yesterday"))
                .hasMessage("--since yesterday is not an ISO-8601 instant such as 2026-11-30T08:00:00Z");
    }

    @Test
    void shouldReportEveryRecordThenTheCounts() {
        // Given what a replay did
        DeadLetterReplay.Letter replayedLetter = new DeadLetterReplay.Letter("incident.events.v1.dlq", 1, 7, "INC-1");
        DeadLetterReplay.Letter skippedLetter = new DeadLetterReplay.Letter("incident.events.v1.dlq", 0, 3, "INC-2");
        DeadLetterReplay.Outcome outcome = new DeadLetterReplay.Outcome(
                List.of(new DeadLetterReplay.Replayed(replayedLetter, "incident.events.v1", 1,
                        "org.entente.schemas.UnknownSchemaException: unknown schema fingerprint 1a2b")),
                List.of(new DeadLetterReplay.Skipped(skippedLetter, "still does not decode: not Avro single-object encoded")));

        // When it is reported, Then each record has a line, and the counts come last
        assertThat(ReplayDeadLetters.report(outcome, false)).containsExactly(
                "replayed incident.events.v1.dlq-1@7 (key INC-1) to incident.events.v1-1; it was dead-lettered for "
                        + "org.entente.schemas.UnknownSchemaException: unknown schema fingerprint 1a2b",
                "skipped incident.events.v1.dlq-0@3 (key INC-2): still does not decode: not Avro single-object encoded",
                "replayed 1, skipped 1");
        assertThat(ReplayDeadLetters.report(outcome, true)).last()
                .isEqualTo("dry run, nothing written: would replay 1, would skip 1");
    }
}
