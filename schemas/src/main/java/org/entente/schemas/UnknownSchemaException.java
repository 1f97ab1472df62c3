package org.entente.schemas;

/**
 * Single-object encoded bytes whose writer-schema fingerprint is neither a current schema nor a
 * released one: written by a newer producer this reader does not know yet, or by a stranger.
 */
public class UnknownSchemaException extends UndecodableEventException {

    public UnknownSchemaException(String reason) {
        super(reason);
    }
}
