package org.entente.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldGiveEveryTopicADeadLetterTopicNamedAfterIt() {
        assertThat(Topics.DEAD_LETTERS).extracting(Topics.Topic::name).containsExactly(
                "incident.events.v1.dlq", "reference.states.v1.dlq", "reference.contacts.v1.dlq",
                "reference.agreements.v1.dlq", "alert.events.v1.dlq", "commitment.outcomes.v1.dlq",
                "disclosure.ledger.v1.dlq", "exercise.clocks.v1.dlq", "communication.checks.v1.dlq");
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
