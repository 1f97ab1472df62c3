package org.entente.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.entente.events.IncidentReported;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = EventCodec.instance();

    @Test
    void shouldRoundTripAnEventThroughSingleObjectEncoding() {
        IncidentReported incident = Samples.incident();

        byte[] bytes = codec.encode(incident);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(codec.decode(bytes)).isEqualTo(incident);
    }

    @Test
    void shouldReadRecordsWrittenWithAReleasedOlderSchema() throws Exception {
        Schema current = IncidentReported.getClassSchema();
        Schema older = withoutField(current, "namedRecipients");
        EventCodec codecKnowingOlder = new EventCodec(SchemaHistory.of(List.of(older)));
        GenericRecord written = new GenericData.Record(older);
        IncidentReported incident = Samples.incident();
        older.getFields().forEach(field -> written.put(field.name(), incident.get(field.name())));

        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(SpecificData.getForClass(IncidentReported.class), older)
                .encode(written);
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);

        IncidentReported read = (IncidentReported) codecKnowingOlder.decode(array);
        assertThat(read.getIncidentId()).isEqualTo("INC-1");
        assertThat(read.getNamedRecipients()).isEmpty();
        assertThatThrownBy(() -> codec.decode(array))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessageStartingWith("unknown schema fingerprint");
    }

    @Test
    void shouldRefuseBytesThatAreNotSingleObjectEncoded() {
        assertThatThrownBy(() -> codec.decode("{\"incidentId\":\"INC-1\"}".getBytes()))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessage("not Avro single-object encoded");
    }

    @Test
    void shouldRefuseATruncatedBody() {
        byte[] bytes = codec.encode(Samples.incident());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 20);

        assertThatThrownBy(() -> codec.decode(truncated))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageStartingWith("corrupt record body");
    }

    @Test
    void shouldRefuseAnEventOfAnotherTypeThanExpected() {
        byte[] bytes = codec.encode(Samples.incident());

        assertThatThrownBy(() -> new EventDeserializer<>(org.entente.events.AlertIssued.class).deserialize("t", bytes))
                .isInstanceOf(UnexpectedEventTypeException.class)
                .hasMessage("expected AlertIssued on t but found IncidentReported");
    }

    @Test
    void shouldNameTheUnknownFingerprint() {
        byte[] bytes = {(byte) 0xC3, 0x01, (byte) 0x81, 0x70, 0x6f, 0x5e, 0x4d, 0x3c, 0x2b, 0x1a, 0x02, 0x00};

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessage("unknown schema fingerprint 1a2b3c4d5e6f7081");
    }

    @Test
    void shouldReadAnIncidentWrittenBeforeItHadAnIdempotencyKey() throws Exception {
        Schema released = SchemaHistory.load().released(IncidentReported.getClassSchema()).get(0);
        assertThat(released.getField("idempotencyKey")).isNull();
        GenericRecord written = new GenericData.Record(released);
        IncidentReported incident = Samples.incident();
        released.getFields().forEach(field -> written.put(field.name(), incident.get(field.name())));
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(SpecificData.getForClass(IncidentReported.class), released)
                .encode(written);
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);

        IncidentReported read = (IncidentReported) codec.decode(array);

        assertThat(read.getIncidentId()).isEqualTo(incident.getIncidentId());
        assertThat(read.getIdempotencyKey()).isNull();
    }

    static Schema withoutField(Schema record, String fieldName) {
        return copyWithFields(record, record.getFields().stream().filter(field -> !field.name().equals(fieldName)).toList());
    }

    static Schema copyWithFields(Schema record, List<Schema.Field> fields) {
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false,
                fields.stream().map(field -> new Schema.Field(field, field.schema())).toList());
    }
}
