package org.entente.schemas;

/**
 * An event that decodes but breaks a rule its consumer relies on (an empty reporting state, a key
 * that is not the event's own, an action on an alert that was never issued). A consumer throws it
 * before it changes anything, and the record goes to its topic's dead-letter topic with this
 * message as the reason; the consumer moves on.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }

    /** Throws with {@code reason} unless {@code rule} holds. */
    public static void require(boolean rule, String reason) {
        if (!rule) {
            throw new InvalidEventException(reason);
        }
    }
}
