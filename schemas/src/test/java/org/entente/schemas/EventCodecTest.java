package org.entente.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.entente.events.IncidentReported;
import org.entente.events.IncidentRevisionSeen;
import org.entente.events.Tlp;
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
        byte[] array = encode(older, Samples.incident());

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
        IncidentReported incident = Samples.incident();
        byte[] array = encode(released, incident);

        IncidentReported read = (IncidentReported) codec.decode(array);

        assertThat(read.getIncidentId()).isEqualTo(incident.getIncidentId());
        assertThat(read.getIdempotencyKey()).isNull();
    }

    /**
     * notification-service's fan-out state of an incident routed before it kept the reporting
     * state, the exercise and the recipients (its store restores from the changelog): those read
     * as unknown, which RevisionGate takes as nothing to compare a revision with.
     */
    @Test
    void shouldReadAFanOutStateWrittenBeforeItKeptTheReportingStateTheExerciseAndTheRecipients() throws Exception {
        Schema released = SchemaHistory.load().released(IncidentRevisionSeen.getClassSchema()).get(0);
        assertThat(released.getFields()).extracting(Schema.Field::name).containsExactly("revision", "tlp");
        GenericRecord written = new GenericData.Record(released);
        written.put("revision", 2);
        written.put("tlp", new GenericData.EnumSymbol(released.getField("tlp").schema(), "RED"));
        byte[] array = toArray(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), released).encode(written));

        assertThat(codec.decode(array)).isEqualTo(new IncidentRevisionSeen(2, Tlp.RED, null, null, Map.of()));
    }

    @Test
    void shouldReadAnEventWrittenWithTheNextReleasesSchemaOnceTheSchemaStoreHasIt() throws Exception {
        // Given today's reader with a schema store, and an incident written by the next release
        EventCodec reader = new EventCodec(SchemaHistory.load());
        SchemaStore.Cache store = new SchemaStore.Cache();
        reader.useSchemaStore(store);
        Schema next = withOptionalField(IncidentReported.getClassSchema(), "sourceReference");
        byte[] bytes = encode(next, Samples.incident());

        // When the store does not know the next release's schema, Then the reader refuses the record
        assertThatThrownBy(() -> reader.decode(bytes))
                .isInstanceOf(UnknownSchemaException.class)
                .hasMessage("unknown schema fingerprint " + Long.toHexString(SchemaNormalization.parsingFingerprint64(next)));

        // When it does, Then the reader resolves the record into today's class, the new field dropped
        store.addSchema(next);
        assertThat(reader.decode(bytes)).isEqualTo(Samples.incident());
    }

    @Test
    void shouldRefuseAPublishedSchemaItsTypeCannotBeReadFrom() throws Exception {
        // Given a store with a schema that lost a field today's reader needs and has no default for
        EventCodec reader = new EventCodec(SchemaHistory.load());
        SchemaStore.Cache store = new SchemaStore.Cache();
        reader.useSchemaStore(store);
        Schema withoutTitle = withoutField(IncidentReported.getClassSchema(), "title");
        store.addSchema(withoutTitle);
        byte[] bytes = encode(withoutTitle, Samples.incident());

        // When it reads a record written with it, Then it refuses it and says why
        assertThatThrownBy(() -> reader.decode(bytes))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessage("published schema fingerprint " + Long.toHexString(SchemaNormalization.parsingFingerprint64(withoutTitle))
                        + " (org.entente.events.IncidentReported) cannot be read as this reader's IncidentReported: "
                        + "[READER_FIELD_MISSING_DEFAULT_VALUE at /fields/10 (title)]");
    }

    @Test
    void shouldRefuseAPublishedSchemaOfNoEventType() throws Exception {
        // Given a store with a record schema no event type has
        EventCodec reader = new EventCodec(SchemaHistory.load());
        SchemaStore.Cache store = new SchemaStore.Cache();
        reader.useSchemaStore(store);
        Schema stranger = Schema.createRecord("Stranger", null, "org.example", false,
                List.of(new Schema.Field("id", Schema.create(Schema.Type.STRING))));
        store.addSchema(stranger);
        GenericRecord record = new GenericData.Record(stranger);
        record.put("id", "x");
        byte[] bytes = toArray(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), stranger).encode(record));

        // When it reads a record written with it, Then it refuses it
        assertThatThrownBy(() -> reader.decode(bytes))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessage("published schema fingerprint " + Long.toHexString(SchemaNormalization.parsingFingerprint64(stranger))
                        + " (org.example.Stranger) is not an event type of this reader");
    }

    @Test
    void shouldNoLongerAskAStoreOnceItIsUnplugged() throws Exception {
        // Given a reader whose store knows the next release's schema
        EventCodec reader = new EventCodec(SchemaHistory.load());
        Schema next = withOptionalField(IncidentReported.getClassSchema(), "sourceReference");
        SchemaStore.Cache store = new SchemaStore.Cache();
        store.addSchema(next);
        reader.useSchemaStore(store);

        // When the store is unplugged before any record needed it
        reader.stopUsingSchemaStore(store);

        // Then the reader does not know that schema
        byte[] bytes = encode(next, Samples.incident());
        assertThatThrownBy(() -> reader.decode(bytes)).isInstanceOf(UnknownSchemaException.class);
    }

    @Test
    void shouldKeepTheStorePluggedInLastWhenAnEarlierOneIsUnplugged() throws Exception {
        // Given a reader whose first store was replaced by one that knows the next release's schema
        EventCodec reader = new EventCodec(SchemaHistory.load());
        Schema next = withOptionalField(IncidentReported.getClassSchema(), "sourceReference");
        SchemaStore.Cache first = new SchemaStore.Cache();
        SchemaStore.Cache last = new SchemaStore.Cache();
        last.addSchema(next);
        reader.useSchemaStore(first);
        reader.useSchemaStore(last);

        // When the first store is unplugged (its owner closed)
        reader.stopUsingSchemaStore(first);

        // Then the reader still asks the last one
        assertThat(reader.decode(encode(next, Samples.incident()))).isEqualTo(Samples.incident());
    }

    /** {@code incident} single-object encoded with {@code writer}, a variant of its schema, as another release would write it. */
    static byte[] encode(Schema writer, IncidentReported incident) throws java.io.IOException {
        GenericRecord written = new GenericData.Record(writer);
        writer.getFields().forEach(field -> written.put(field.name(),
                incident.getSchema().getField(field.name()) == null ? null : incident.get(field.name())));
        return toArray(new BinaryMessageEncoder<GenericRecord>(SpecificData.getForClass(IncidentReported.class), writer)
                .encode(written));
    }

    static byte[] toArray(ByteBuffer buffer) {
        byte[] array = new byte[buffer.remaining()];
        buffer.get(array);
        return array;
    }

    /** {@code record} with one more field, an optional string defaulting to null: a compatible change. */
    static Schema withOptionalField(Schema record, String fieldName) {
        List<Schema.Field> fields = new java.util.ArrayList<>(record.getFields());
        fields.add(new Schema.Field(fieldName, Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                null, JsonProperties.NULL_VALUE));
        return copyWithFields(record, fields);
    }

    static Schema withoutField(Schema record, String fieldName) {
        return copyWithFields(record, record.getFields().stream().filter(field -> !field.name().equals(fieldName)).toList());
    }

    static Schema copyWithFields(Schema record, List<Schema.Field> fields) {
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false,
                fields.stream().map(field -> new Schema.Field(field, field.schema())).toList());
    }
}
