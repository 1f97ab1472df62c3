package org.entente.platform.kafka;

import java.util.List;

import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Which send failures leave a Kafka producer unusable, so that only a new producer can write again.
 * <p>
 * Kafka's producer moves to a fatal state it never leaves on {@link ClusterAuthorizationException},
 * {@link TransactionalIdAuthorizationException}, {@link ProducerFencedException},
 * {@link UnsupportedVersionException} and {@link InvalidPidMappingException} (its
 * {@code TransactionManager}); every later send then fails with a {@code KafkaException} caused by
 * the same error. Kafka Streams adds {@link InvalidProducerEpochException} and
 * {@link OutOfOrderSequenceException} to what it treats as a fenced producer. A producer that was
 * closed answers every send with an {@code IllegalStateException}. Everything else (timeouts, a
 * broker without enough in-sync replicas, a record too large) concerns one send or a passing state
 * of the cluster: the producer stays and the caller may retry.
 */
public final class ProducerFailures {

    private static final List<Class<? extends Throwable>> FATAL = List.of(
            ClusterAuthorizationException.class,
            TransactionalIdAuthorizationException.class,
            ProducerFencedException.class,
            UnsupportedVersionException.class,
            InvalidPidMappingException.class,
            InvalidProducerEpochException.class,
            OutOfOrderSequenceException.class);

    static final String CLOSED_PRODUCER = "producer has been closed";

    private ProducerFailures() {
    }

    /** True when the failure, or any of its causes, leaves the producer unusable. */
    public static boolean isFatal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable current = cause;
            if (FATAL.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && cause.getMessage().contains(CLOSED_PRODUCER)) {
                return true;
            }
        }
        return false;
    }
}
