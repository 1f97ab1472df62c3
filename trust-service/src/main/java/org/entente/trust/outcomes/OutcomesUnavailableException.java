package org.entente.trust.outcomes;

/** The tallies cannot be read now: Kafka Streams is starting, restoring or rebalancing. */
public class OutcomesUnavailableException extends RuntimeException {

    OutcomesUnavailableException(Throwable cause) {
        super("Trust tallies are not queryable yet: " + cause.getMessage(), cause);
    }
}
