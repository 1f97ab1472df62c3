package org.entente.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.entente.events.IncidentReported;
import org.junit.jupiter.api.Test;

/** The build-time gate: this test fails the build when a schema change breaks a released version. */
class SchemaCompatibilityCheckTest {

    private final SchemaHistory history = SchemaHistory.load();

    @Test
    void everyCurrentSchemaShouldBeCompatibleWithEveryReleasedVersion() {
        for (Class<? extends SpecificRecord> type : EventTypes.ALL) {
            Schema current = SpecificData.get().getSchema(type);
            assertThat(history.released(current)).as("released versions of %s", type.getSimpleName()).isNotEmpty();
            assertThat(SchemaCompatibilityCheck.violations(current, history.released(current)))
                    .as("compatibility of %s", type.getSimpleName()).isEmpty();
        }
    }

    /**
     * What this build writes is released with it ({@link ReleaseSchemas}), so that the next
     * release, which may no longer know this schema as its own, still reads those records.
     */
    @Test
    void everyCurrentSchemaShouldBeItsLastReleasedVersion() {
        for (Class<? extends SpecificRecord> type : EventTypes.ALL) {
            Schema current = SpecificData.get().getSchema(type);
            List<Schema> released = history.released(current);
            assertThat(SchemaNormalization.parsingFingerprint64(released.get(released.size() - 1)))
                    .as("%s v%d is the current schema (run ReleaseSchemas)", type.getSimpleName(), released.size())
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
        }
    }

    @Test
    void shouldRejectAddingAFieldWithoutDefault() {
        Schema released = IncidentReported.getClassSchema();
        Schema changed = withExtraField(released, false);

        assertThat(SchemaCompatibilityCheck.violations(changed, List.of(released)))
                .singleElement().asString()
                .isEqualTo("cannot read IncidentReported v1: [READER_FIELD_MISSING_DEFAULT_VALUE at /fields/18 (campaign)]");
    }

    @Test
    void shouldRejectRemovingAFieldThatOldReadersNeed() {
        Schema released = IncidentReported.getClassSchema();
        Schema changed = EventCodecTest.withoutField(released, "title");

        assertThat(SchemaCompatibilityCheck.violations(changed, List.of(released)))
                .singleElement().asString()
                .startsWith("IncidentReported v1 readers cannot read the current schema: [READER_FIELD_MISSING_DEFAULT");
    }

    @Test
    void shouldAcceptAddingAnOptionalFieldWithDefault() {
        Schema released = IncidentReported.getClassSchema();

        assertThat(SchemaCompatibilityCheck.violations(withExtraField(released, true), List.of(released))).isEmpty();
    }

    private static Schema withExtraField(Schema record, boolean withDefault) {
        List<Schema.Field> fields = new ArrayList<>(record.getFields());
        fields.add(withDefault
                ? new Schema.Field("campaign", Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                        null, Schema.Field.NULL_DEFAULT_VALUE)
                : new Schema.Field("campaign", Schema.create(Schema.Type.STRING)));
        return EventCodecTest.copyWithFields(record, fields);
    }
}
