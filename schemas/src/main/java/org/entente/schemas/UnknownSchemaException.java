package org.entente.schemas;

/**
 * Single-object encoded bytes whose writer-schema fingerprint is neither a current schema nor a
 * released one, nor one published on {@link Topics#SCHEMAS} that this reader could find: written by
 * a newer producer whose schema has not reached this reader (yet), or by a stranger.
 */
public class UnknownSchemaException extends UndecodableEventException {

    public UnknownSchemaException(String reason) {
        super(reason);
    }
}
