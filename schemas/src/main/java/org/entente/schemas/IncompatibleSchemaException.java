package org.entente.schemas;

/**
 * Single-object encoded bytes whose writer schema was found among the published ones, but that
 * this reader cannot resolve into any of its event types: a schema of another name, or a change
 * Avro's schema resolution cannot bridge (a field this reader needs, without a default, is gone).
 * The compatibility gate of the build should make this impossible between releases; it is still a
 * schema this reader cannot use, hence an {@link UnknownSchemaException}.
 */
public class IncompatibleSchemaException extends UnknownSchemaException {

    public IncompatibleSchemaException(String reason) {
        super(reason);
    }
}
