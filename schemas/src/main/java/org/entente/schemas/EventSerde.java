package org.entente.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka Streams serde for Entente events; {@code SpecificRecord} reads a topic of several types. */
public class EventSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {

    @SuppressWarnings("unchecked")
    public EventSerde() {
        this((Class<T>) SpecificRecord.class);
    }

    public EventSerde(Class<T> type) {
        super(new EventSerializer<>(), new EventDeserializer<>(type));
    }

    public static <T extends SpecificRecord> EventSerde<T> of(Class<T> type) {
        return new EventSerde<>(type);
    }
}
