package org.entente.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * A schema change is allowed only if it is both backward compatible (the new schema reads what
 * every released version wrote) and forward compatible (every released reader reads what the new
 * schema writes), so services can be upgraded in any order.
 */
public final class SchemaCompatibilityCheck {

    private SchemaCompatibilityCheck() {
    }

    /** Every incompatibility between {@code current} and the released versions; empty when none. */
    public static List<String> violations(Schema current, List<Schema> released) {
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            Schema old = released.get(i);
            String version = current.getName() + " v" + (i + 1);
            incompatibilities(current, old).ifPresent(reason -> violations.add("cannot read " + version + ": " + reason));
            incompatibilities(old, current).ifPresent(reason -> violations.add(version + " readers cannot read the current schema: " + reason));
        }
        return violations;
    }

    /** Why {@code reader} cannot read what {@code writer} wrote; empty when it can. */
    static Optional<String> incompatibilities(Schema reader, Schema writer) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return Optional.empty();
        }
        return Optional.of(result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                .toList().toString());
    }
}
