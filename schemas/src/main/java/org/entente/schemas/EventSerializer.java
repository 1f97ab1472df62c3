package org.entente.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer writing any Entente event in single-object encoding. */
public class EventSerializer<T extends SpecificRecord> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T event) {
        return event == null ? null : EventCodec.instance().encode(event);
    }
}
