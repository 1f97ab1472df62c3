package org.entente.exercise.replay;

/** A replay that cannot go on: the pipeline did not answer in time, or Kafka refused a write. */
public class ReplayException extends RuntimeException {

    ReplayException(String message) {
        super(message);
    }

    ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
