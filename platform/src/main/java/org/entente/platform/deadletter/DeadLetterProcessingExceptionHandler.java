package org.entente.platform.deadletter;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.UnexpectedEventTypeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Kafka Streams' processing exception handler (KIP-1033, {@code processing.exception.handler})
 * for Entente's applications: a record a processor rejected as invalid
 * ({@link InvalidEventException}, or an {@link UnexpectedEventTypeException} where one topic
 * carries several event types) goes to its topic's dead-letter topic exactly as a record that does
 * not deserialize does: the original key and value bytes, same partition, with spring-kafka's
 * {@code kafka_dlt-*} headers for reason, source topic, partition and offset. It reuses the
 * recoverer the Kafka Streams binder configured for {@code sendToDlq}
 * ({@value RecoveringDeserializationExceptionHandler#KSTREAM_DESERIALIZATION_RECOVERER}), so
 * both kinds of dead letter share one producer, one destination rule and one metric
 * ({@link DeadLetterRouting}); processing continues and the offset is committed with the rest.
 * <p>
 * Anything else a processor throws is a fault, not a bad record: it fails the stream, as Kafka
 * Streams' default handler does, and nothing is skipped. So does a failure to write the dead
 * letter.
 */
public class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingExceptionHandler.class);

    private ConsumerRecordRecoverer recoverer;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER);
        recoverer = configured instanceof ConsumerRecordRecoverer given ? given : null;
        if (recoverer == null) {
            log.warn("No dead-letter recoverer configured (deserialization-exception-handler is not sendToDlq): "
                    + "invalid records will fail the stream");
        }
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!isBadRecord(exception) || recoverer == null || context.topic() == null) {
            log.error("Processing failed in {} on {}-{}@{}; the stream stops", context.processorNodeId(), context.topic(),
                    context.partition(), context.offset(), exception);
            return ProcessingHandlerResponse.FAIL;
        }
        try {
            recoverer.accept(sourceRecord(context), exception);
            return ProcessingHandlerResponse.CONTINUE;
        } catch (RuntimeException e) {
            log.error("Could not dead-letter {}-{}@{}; the stream stops", context.topic(), context.partition(),
                    context.offset(), e);
            return ProcessingHandlerResponse.FAIL;
        }
    }

    static boolean isBadRecord(Exception exception) {
        return exception instanceof InvalidEventException || exception instanceof UnexpectedEventTypeException;
    }

    /** The record as it came from its source topic: raw bytes, headers copied so that adding to them changes nothing live. */
    static ConsumerRecord<byte[], byte[]> sourceRecord(ErrorHandlerContext context) {
        byte[] key = context.sourceRawKey();
        byte[] value = context.sourceRawValue();
        return new ConsumerRecord<>(context.topic(), context.partition(), context.offset(), context.timestamp(),
                TimestampType.CREATE_TIME, key == null ? -1 : key.length, value == null ? -1 : value.length, key, value,
                new RecordHeaders(context.headers().toArray()), Optional.empty());
    }
}
