package org.entente.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for Entente events. Given an expected type, a record of another type is
 * undecodable too; without one (the no-argument form Kafka instantiates) any event type is read.
 */
public class EventDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Class<T> expectedType;

    @SuppressWarnings("unchecked")
    public EventDeserializer() {
        this((Class<T>) SpecificRecord.class);
    }

    public EventDeserializer(Class<T> expectedType) {
        this.expectedType = expectedType;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        SpecificRecord event = EventCodec.instance().decode(data);
        if (!expectedType.isInstance(event)) {
            throw new UnexpectedEventTypeException("expected " + expectedType.getSimpleName() + " on " + topic
                    + " but found " + event.getClass().getSimpleName());
        }
        return expectedType.cast(event);
    }
}
