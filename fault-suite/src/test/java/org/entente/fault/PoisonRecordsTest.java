package org.entente.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoisonRecordsTest {

    @Test
    void shouldFindTheIncidentDeadLetterTopicInTheTopicCatalogue() {
        assertThat(PoisonRecords.deadLetterTopic()).contains("incident.events.v1.dlq");
    }
}
