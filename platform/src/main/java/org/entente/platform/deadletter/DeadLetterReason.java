package org.entente.platform.deadletter;

import org.entente.schemas.InvalidEventException;
import org.entente.schemas.UndecodableEventException;
import org.entente.schemas.UnexpectedEventTypeException;
import org.entente.schemas.UnknownSchemaException;

/**
 * Why a record went to a dead-letter topic, as the bounded {@code reason} label of
 * {@code entente.dlq.records}. The full reason (exception class and message) travels in the
 * dead-letter record's headers.
 */
public enum DeadLetterReason {

    /** Not Avro single-object encoded, or a body that does not decode. */
    UNDECODABLE("undecodable"),
    /**
     * A writer schema this reader cannot resolve: a fingerprint neither current, released nor
     * published, or a published schema it cannot read ({@code IncompatibleSchemaException}).
     */
    UNKNOWN_SCHEMA("unknown-schema"),
    /** An Entente event, but not of a type this topic carries for the reader. */
    UNEXPECTED_TYPE("unexpected-type"),
    /** Decodes, but breaks a rule of its consumer ({@link InvalidEventException}). */
    INVALID("invalid"),
    /** Anything else a deserializer threw. */
    OTHER("other");

    private final String label;

    DeadLetterReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The most specific reason found along the exception's causes. */
    public static DeadLetterReason of(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownSchemaException) {
                return UNKNOWN_SCHEMA;
            }
            if (cause instanceof UnexpectedEventTypeException) {
                return UNEXPECTED_TYPE;
            }
            if (cause instanceof UndecodableEventException) {
                return UNDECODABLE;
            }
            if (cause instanceof InvalidEventException) {
                return INVALID;
            }
        }
        return OTHER;
    }
}
