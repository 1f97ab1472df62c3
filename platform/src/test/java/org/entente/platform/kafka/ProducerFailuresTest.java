package org.entente.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.kafka.core.KafkaProducerException;

class ProducerFailuresTest {

    static Stream<Throwable> unusableProducer() {
        return Stream.of(
                new ProducerFencedException("fenced"),
                new ClusterAuthorizationException("no IdempotentWrite"),
                new TransactionalIdAuthorizationException("no transactional id"),
                new UnsupportedVersionException("old broker"),
                new InvalidPidMappingException("unknown producer id"),
                new InvalidProducerEpochException("stale epoch"),
                new OutOfOrderSequenceException("gap"),
                // how a producer in a fatal state answers every later send
                new KafkaException("Cannot execute transactional method because we are in an error state",
                        new ClusterAuthorizationException("no IdempotentWrite")),
                // how a KafkaTemplate future fails
                new ExecutionException(new KafkaProducerException(null, "send failed", new ProducerFencedException("fenced"))),
                new IllegalStateException("Cannot perform operation after producer has been closed"));
    }

    static Stream<Throwable> usableProducer() {
        return Stream.of(
                new TimeoutException("Expiring 1 record(s)"),
                new ExecutionException(new KafkaProducerException(null, "send failed", new TimeoutException("metadata"))),
                new NotEnoughReplicasException("1 in sync"),
                new RecordTooLargeException("too large"),
                new TopicAuthorizationException("not allowed on one topic"),
                new SerializationException("cannot serialize"),
                new KafkaException("something else"),
                new IllegalStateException("another state"));
    }

    @ParameterizedTest
    @MethodSource("unusableProducer")
    void shouldTreatAFailureThatLeavesTheProducerInAFatalStateAsFatal(Throwable failure) {
        assertThat(ProducerFailures.isFatal(failure)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("usableProducer")
    void shouldKeepTheProducerAfterAFailureOfOneSendOrAPassingState(Throwable failure) {
        assertThat(ProducerFailures.isFatal(failure)).isFalse();
    }
}
