package org.entente.notification.reference;

import org.apache.kafka.common.serialization.Serdes;
import org.entente.schemas.EventCodec;

/**
 * Reads a value into a {@link VerbatimEvent} with Entente's codec (bytes that do not decode fail
 * here, so the binder dead-letters them as it does any undecodable record) and writes back the
 * bytes it was read from. Tombstones stay tombstones.
 */
class VerbatimEventSerde extends Serdes.WrapperSerde<VerbatimEvent> {

    VerbatimEventSerde() {
        super((topic, verbatim) -> verbatim == null ? null : verbatim.bytes(),
                (topic, bytes) -> bytes == null ? null : new VerbatimEvent(bytes, EventCodec.instance().decode(bytes)));
    }
}
