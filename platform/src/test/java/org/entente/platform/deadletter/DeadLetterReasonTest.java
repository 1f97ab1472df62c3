package org.entente.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.entente.schemas.IncompatibleSchemaException;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.UndecodableEventException;
import org.entente.schemas.UnexpectedEventTypeException;
import org.entente.schemas.UnknownSchemaException;
import org.junit.jupiter.api.Test;

class DeadLetterReasonTest {

    @Test
    void shouldNameEveryKindOfDeadLetterWithABoundedLabel() {
        assertThat(DeadLetterReason.of(new UndecodableEventException("not Avro single-object encoded")).label())
                .isEqualTo("undecodable");
        assertThat(DeadLetterReason.of(new UnknownSchemaException("unknown schema fingerprint 1a2b")).label())
                .isEqualTo("unknown-schema");
        assertThat(DeadLetterReason.of(new IncompatibleSchemaException("published schema fingerprint 3c4d cannot be read")).label())
                .isEqualTo("unknown-schema");
        assertThat(DeadLetterReason.of(new UnexpectedEventTypeException("expected AlertIssued")).label())
                .isEqualTo("unexpected-type");
        assertThat(DeadLetterReason.of(new InvalidEventException("reportingState is empty")).label()).isEqualTo("invalid");
        assertThat(DeadLetterReason.of(new SerializationException("someone else's")).label()).isEqualTo("other");
    }

    @Test
    void shouldFindTheReasonAmongTheCauses() {
        assertThat(DeadLetterReason.of(new StreamsException(new UnknownSchemaException("unknown schema fingerprint 1a2b"))))
                .isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA);
    }
}
