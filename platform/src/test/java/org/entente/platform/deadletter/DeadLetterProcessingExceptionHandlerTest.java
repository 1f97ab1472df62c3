package org.entente.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.UnexpectedEventTypeException;
import org.entente.schemas.UndecodableEventException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

class DeadLetterProcessingExceptionHandlerTest {

    static final byte[] KEY = "INC-1".getBytes(StandardCharsets.UTF_8);
    static final byte[] VALUE = {(byte) 0xC3, 0x01, 1, 2, 3};

    record Recovered(ConsumerRecord<?, ?> record, Exception exception) {
    }

    record Context(String topic, int partition, long offset, Headers headers, String processorNodeId, TaskId taskId,
            long timestamp, byte[] sourceRawKey, byte[] sourceRawValue) implements ErrorHandlerContext {
    }

    final List<Recovered> recovered = new ArrayList<>();
    final DeadLetterProcessingExceptionHandler handler = new DeadLetterProcessingExceptionHandler();
    final Headers headers = new RecordHeaders().add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
    final Context context = new Context("incident.events.v1", 1, 42L, headers, "KSTREAM-PROCESSOR-0000000001",
            new TaskId(0, 1), 1_700_000_000_000L, KEY, VALUE);
    final Record<String, Object> record = new Record<>("INC-1", "decoded", 1_700_000_000_000L);

    @BeforeEach
    void configureWithTheBindersRecoverer() {
        ConsumerRecordRecoverer recoverer = (failed, exception) -> recovered.add(new Recovered(failed, exception));
        handler.configure(Map.of(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recoverer,
                "application.id", "incident-service"));
    }

    @Test
    void shouldDeadLetterAnInvalidRecordAsItCameFromItsTopicAndContinue() {
        InvalidEventException invalid = new InvalidEventException("reportingState must be an ISO 3166-1 alpha-2 code");

        ProcessingHandlerResponse response = handler.handle(context, record, invalid);

        assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
        assertThat(recovered).singleElement().satisfies(dead -> {
            assertThat(dead.exception()).isSameAs(invalid);
            assertThat(dead.record().topic()).isEqualTo("incident.events.v1");
            assertThat(dead.record().partition()).isEqualTo(1);
            assertThat(dead.record().offset()).isEqualTo(42L);
            assertThat(dead.record().timestamp()).isEqualTo(1_700_000_000_000L);
            assertThat((byte[]) dead.record().key()).isEqualTo(KEY);
            assertThat((byte[]) dead.record().value()).isEqualTo(VALUE);
            assertThat(dead.record().headers().lastHeader("traceparent").value())
                    .isEqualTo("00-abc".getBytes(StandardCharsets.UTF_8));
            assertThat(dead.record().headers()).as("a copy, not the live headers").isNotSameAs(headers);
        });
    }

    @Test
    void shouldDeadLetterAnEventOfATypeTheTopicDoesNotCarry() {
        assertThat(handler.handle(context, record, new UnexpectedEventTypeException("IncidentReported on the ledger")))
                .isEqualTo(ProcessingHandlerResponse.CONTINUE);
        assertThat(recovered).hasSize(1);
    }

    @Test
    void shouldFailTheStreamOnAFaultThatIsNotABadRecord() {
        assertThat(handler.handle(context, record, new NullPointerException("bug"))).isEqualTo(ProcessingHandlerResponse.FAIL);
        assertThat(handler.handle(context, record, new UndecodableEventException("a corrupt store value")))
                .isEqualTo(ProcessingHandlerResponse.FAIL);
        assertThat(recovered).isEmpty();
    }

    @Test
    void shouldFailTheStreamWhenTheDeadLetterCannotBeWritten() {
        handler.configure(Map.of(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER,
                (ConsumerRecordRecoverer) (failed, exception) -> {
                    throw new IllegalStateException("broker gone");
                }));

        assertThat(handler.handle(context, record, new InvalidEventException("bad"))).isEqualTo(ProcessingHandlerResponse.FAIL);
    }

    @Test
    void shouldFailTheStreamWithoutTheBindersRecoverer() {
        handler.configure(Map.of("application.id", "incident-service"));

        assertThat(handler.handle(context, record, new InvalidEventException("bad"))).isEqualTo(ProcessingHandlerResponse.FAIL);
    }

    @Test
    void shouldFailTheStreamOnAPunctuationWhichHasNoSourceRecord() {
        Context punctuation = new Context(null, -1, -1L, new RecordHeaders(), "KSTREAM-PROCESSOR-0000000001",
                new TaskId(0, 1), 0L, null, null);

        assertThat(handler.handle(punctuation, null, new InvalidEventException("bad"))).isEqualTo(ProcessingHandlerResponse.FAIL);
        assertThat(recovered).isEmpty();
    }
}
