package org.entente.platform.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** What a later release writes: today's schema of an event plus an optional field, and records in it. */
public final class NextRelease {

    private NextRelease() {
    }

    /**
     * {@code today} with one more field, an optional string defaulting to null (a change the
     * compatibility gate allows); each name gives another fingerprint, and a test that needs the
     * codec not to know a schema yet takes a name of its own (the codec keeps what it resolved).
     */
    public static Schema withOptionalField(Schema today, String fieldName) {
        List<Schema.Field> fields = new ArrayList<>();
        today.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field(fieldName, Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "Added by the next release.", JsonProperties.NULL_VALUE));
        return Schema.createRecord(today.getName(), today.getDoc(), today.getNamespace(), false, fields);
    }

    /** {@code event} single-object encoded with the next release's {@code schema}, its new field set to {@code value}. */
    public static byte[] encode(Schema schema, SpecificRecord event, String newField, String value) {
        GenericRecord written = new GenericData.Record(schema);
        event.getSchema().getFields().forEach(field -> written.put(field.name(), event.get(field.pos())));
        written.put(newField, value);
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(SpecificData.getForClass(event.getClass()), schema)
                    .encode(written);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
