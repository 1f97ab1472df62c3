package org.entente.notification.lifecycle;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.entente.events.AlertIssued;
import org.entente.notification.fanout.AlertSignature;
import org.entente.schemas.EventDeserializer;
import org.entente.schemas.EventSerializer;

/**
 * The lifecycle's serde for the alert events it reads (trackAlertLifecycle-in-0): Entente's codec,
 * and, on each {@code AlertIssued}, header {@value #DIGEST_HEADER} with the
 * {@link AlertSignature#digest} of the value bytes exactly as they were written. A processor gets
 * only the decoded event, and encoding that again gives other bytes whenever the writer's schema
 * version is not the reader's; the signature is checked against this digest. Any header of that
 * name a record came with is dropped first.
 */
public class AlertEventSerde extends Serdes.WrapperSerde<SpecificRecord> {

    static final String DIGEST_HEADER = "entente-alert-digest";

    public AlertEventSerde() {
        super(new EventSerializer<>(), new DigestingDeserializer());
    }

    private static final class DigestingDeserializer extends EventDeserializer<SpecificRecord> {

        @Override
        public SpecificRecord deserialize(String topic, Headers headers, byte[] data) {
            headers.remove(DIGEST_HEADER);
            SpecificRecord event = deserialize(topic, data);
            if (event instanceof AlertIssued) {
                headers.add(DIGEST_HEADER, AlertSignature.digest(data));
            }
            return event;
        }
    }
}
