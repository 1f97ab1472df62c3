package org.entente.platform.schemas;

import java.util.HexFormat;
import java.util.Optional;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.entente.schemas.Topics;

/**
 * The records of {@link Topics#SCHEMAS}: keyed by the writer schema's fingerprint, 16 hex digits,
 * the schema's JSON as the value. The value is the schema as written (docs, defaults and logical
 * types kept), not its parsing canonical form, which drops them: someone reading the topic, or a
 * compatibility check, needs them; the fingerprint is of the canonical form either way.
 */
public final class PublishedSchemas {

    private static final HexFormat HEX = HexFormat.of();

    private PublishedSchemas() {
    }

    public static ProducerRecord<String, String> record(Schema schema) {
        return new ProducerRecord<>(Topics.SCHEMAS.name(), key(SchemaNormalization.parsingFingerprint64(schema)), schema.toString());
    }

    public static String key(long fingerprint) {
        return HEX.toHexDigits(fingerprint);
    }

    /**
     * The schema a record publishes; empty for a tombstone, for a value that is not a schema, and
     * for a schema filed under a key that is not its fingerprint (nobody can publish a schema for
     * another's fingerprint).
     */
    public static Optional<Schema> schemaOf(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            Schema schema = new Schema.Parser().parse(record.value());
            return key(SchemaNormalization.parsingFingerprint64(schema)).equals(record.key()) ? Optional.of(schema) : Optional.empty();
        } catch (AvroRuntimeException e) {
            return Optional.empty();
        }
    }
}
