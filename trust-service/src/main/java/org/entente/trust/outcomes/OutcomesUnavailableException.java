package org.entente.trust.outcomes;

/** The outcome store cannot be read now: Kafka Streams is starting, restoring or rebalancing. */
public class OutcomesUnavailableException extends RuntimeException {

    OutcomesUnavailableException(Throwable cause) {
        super("Commitment outcomes are not queryable yet: " + cause.getMessage(), cause);
    }
}
