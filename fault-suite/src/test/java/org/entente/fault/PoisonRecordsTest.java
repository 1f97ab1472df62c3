package org.entente.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.entente.schemas.Topics;
import org.junit.jupiter.api.Test;

/** The poison scenario's dead-letter check: found in the catalogue, or the scenario fails (never skipped). */
class PoisonRecordsTest {

    private static final AlertCount.Result FULL_COUNT = new AlertCount.Result("poison", new AlertCount.Reports(201, 0, 0), 603, 603,
            0, 0, List.of(), List.of());

    @Test
    void shouldFindTheIncidentDeadLetterTopicInTheTopicCatalogue() {
        // Given
        Scenario.Run run = run();

        // When
        var topic = PoisonRecords.deadLetterTopic(run, Topics.DEAD_LETTERS);

        // Then
        assertThat(topic).contains("incident.events.v1.dlq");
        assertThat(run.finish(FULL_COUNT).exact()).isTrue();
    }

    @Test
    void shouldFailRatherThanSkipWhenTheCatalogueListsNoDeadLetterTopicForIncidents() {
        // Given a catalogue whose dead-letter topics leave incident.events.v1's out
        Scenario.Run run = run();
        List<Topics.Topic> withoutIncidents = Topics.DEAD_LETTERS.stream()
                .filter(topic -> !topic.name().equals("incident.events.v1.dlq")).toList();

        // When
        var topic = PoisonRecords.deadLetterTopic(run, withoutIncidents);

        // Then a count that was otherwise exact fails, naming why
        assertThat(topic).isEmpty();
        AlertCount.Result result = run.finish(FULL_COUNT);
        assertThat(result.exact()).isFalse();
        assertThat(result.failures()).containsExactly("the topic catalogue (Topics.DEAD_LETTERS) has no dead-letter topic for "
                + "incident.events.v1: the poison records' dead letters cannot be checked");
    }

    /** A run of the scenario as far as its notes and problems go: no cluster, no traffic. */
    private static Scenario.Run run() {
        return new Scenario.Run(null, new PoisonRecords(), "poison", "poison-1", () -> "http://127.0.0.1:9", Duration.ZERO);
    }
}
