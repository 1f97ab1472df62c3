package org.entente.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldGiveEveryTopicADeadLetterTopicNamedAfterIt() {
        assertThat(Topics.DEAD_LETTERS).extracting(Topics.Topic::name).containsExactly(
                "incident.events.v1.dlq", "reference.states.v1.dlq", "reference.contacts.v1.dlq",
                "reference.agreements.v1.dlq", "alert.events.v1.dlq", "commitment.outcomes.v1.dlq",
                "disclosure.ledger.v1.dlq", "exercise.clocks.v1.dlq", "communication.checks.v1.dlq",
                "exercise.incidents.v1.dlq", "exercise.answers.v1.dlq", "exercise.states.v1.dlq", "exercise.contacts.v1.dlq",
                "exercise.agreements.v1.dlq");
    }

    @Test
    void shouldCompactEachExerciseTopicAsItsLiveCounterpart() {
        assertThat(Map.of(
                Topics.EXERCISE_INCIDENTS, Topics.INCIDENTS,
                Topics.EXERCISE_ANSWERS, Topics.ALERTS,
                Topics.EXERCISE_STATES, Topics.STATES,
                Topics.EXERCISE_CONTACTS, Topics.CONTACTS,
                Topics.EXERCISE_AGREEMENTS, Topics.AGREEMENTS)).allSatisfy((exercise, live) -> {
                    assertThat(exercise.name()).startsWith("exercise.");
                    assertThat(exercise.compacted()).as(exercise.name()).isEqualTo(live.compacted());
                });
    }

    @Test
    void shouldNeverCompactADeadLetterTopic() {
        assertThat(Topics.STATES.compacted()).isTrue();
        assertThat(Topics.DEAD_LETTERS).noneMatch(Topics.Topic::compacted);
    }

    @Test
    void shouldFindTheDeadLetterTopicOfACatalogueTopicOnly() {
        assertThat(Topics.deadLettersOf("alert.events.v1").name()).isEqualTo("alert.events.v1.dlq");
        assertThatThrownBy(() -> Topics.deadLettersOf("alert.events.v2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert.events.v2 is not a catalogue topic");
    }

    @Test
    void shouldKeepPublishedSchemasOnACompactedTopicOutsideTheEventCatalogue() {
        assertThat(Topics.SCHEMAS.name()).isEqualTo("schemas.v1");
        assertThat(Topics.SCHEMAS.compacted()).isTrue();
        assertThat(Topics.ALL).doesNotContain(Topics.SCHEMAS);
    }
}
