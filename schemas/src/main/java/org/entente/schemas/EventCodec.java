package org.entente.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro single-object encoding for every Entente event: two marker bytes, the 64-bit fingerprint
 * of the writer schema, then the binary body. No registry server: the fingerprint is resolved
 * against the current schemas and every released one (see {@link SchemaHistory}), then, when a
 * {@link #useSchemaStore schema store} is plugged in, against the schemas other writers published
 * (a newer release's, during a rolling upgrade), which Avro resolves into the current class.
 * Thread-safe.
 */
public final class EventCodec {

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;
    private static final String EVENTS_PACKAGE = "org.entente.events.";

    // Avro 1.12 refuses to instantiate generated classes outside trusted packages.
    static {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                ClassSecurityValidator.getGlobal(),
                type -> type.getName().startsWith(EVENTS_PACKAGE)));
    }

    private static final EventCodec INSTANCE = new EventCodec(SchemaHistory.load());

    private record Reader(Schema current, BinaryMessageDecoder<SpecificRecord> decoder) {
    }

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new HashMap<>();
    private final Map<String, Reader> readersByFullName = new HashMap<>();
    private final Map<Long, BinaryMessageDecoder<SpecificRecord>> decodersByFingerprint = new ConcurrentHashMap<>();
    private final AtomicReference<SchemaStore> schemaStore = new AtomicReference<>();

    EventCodec(SchemaHistory history) {
        for (Class<? extends SpecificRecord> type : EventTypes.ALL) {
            Schema current = SpecificData.get().getSchema(type);
            SpecificData model = SpecificData.getForClass(type);
            encoders.put(type, new BinaryMessageEncoder<>(model, current));
            BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(model, current);
            readersByFullName.put(current.getFullName(), new Reader(current, decoder));
            register(current, decoder);
            for (Schema released : history.released(current)) {
                decoder.addSchema(released);
                register(released, decoder);
            }
        }
    }

    public static EventCodec instance() {
        return INSTANCE;
    }

    /**
     * From now on, a fingerprint that is neither current nor released is looked up in
     * {@code store}; a schema found there is checked against the current one and, if compatible,
     * kept. Replaces any store plugged in before.
     */
    public void useSchemaStore(SchemaStore store) {
        schemaStore.set(store);
    }

    /** Stops looking fingerprints up in {@code store}, if it is the one plugged in; schemas it gave are kept. */
    public void stopUsingSchemaStore(SchemaStore store) {
        schemaStore.compareAndSet(store, null);
    }

    public byte[] encode(SpecificRecord event) {
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.get(event.getClass());
        if (encoder == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not an event type (see EventTypes)");
        }
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    public SpecificRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new UndecodableEventException("not Avro single-object encoded");
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        BinaryMessageDecoder<SpecificRecord> decoder = decodersByFingerprint.get(fingerprint);
        if (decoder == null) {
            decoder = resolve(fingerprint);
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableEventException("corrupt record body: " + e.getMessage(), e);
        }
    }

    /** The decoder of the event type a published writer schema belongs to, once it proves readable. */
    private BinaryMessageDecoder<SpecificRecord> resolve(long fingerprint) {
        SchemaStore store = schemaStore.get();
        Schema writer = store == null ? null : store.findByFingerprint(fingerprint);
        if (writer == null) {
            throw new UnknownSchemaException("unknown schema fingerprint " + Long.toHexString(fingerprint));
        }
        String published = "published schema fingerprint " + Long.toHexString(fingerprint) + " (" + writer.getFullName() + ")";
        Reader reader = readersByFullName.get(writer.getFullName());
        if (reader == null) {
            throw new IncompatibleSchemaException(published + " is not an event type of this reader");
        }
        Optional<String> incompatibilities = SchemaCompatibilityCheck.incompatibilities(reader.current(), writer);
        if (incompatibilities.isPresent()) {
            throw new IncompatibleSchemaException(published + " cannot be read as this reader's "
                    + reader.current().getName() + ": " + incompatibilities.get());
        }
        reader.decoder().addSchema(writer);
        decodersByFingerprint.put(fingerprint, reader.decoder());
        return reader.decoder();
    }

    private void register(Schema schema, BinaryMessageDecoder<SpecificRecord> decoder) {
        decodersByFingerprint.put(SchemaNormalization.parsingFingerprint64(schema), decoder);
    }
}
