package org.entente.schemas;

import org.apache.kafka.common.errors.SerializationException;

/** Bytes that are not an Entente event this reader can resolve; the reason says why. */
public class UndecodableEventException extends SerializationException {

    public UndecodableEventException(String reason) {
        super(reason);
    }

    public UndecodableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
