package org.entente.schemas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Release step: records the current schema of every event whose schema changed since its last
 * release as the next released version. Run from {@code schemas/} with
 * {@code ../mvnw -q compile exec:java -Dexec.mainClass=org.entente.schemas.ReleaseSchemas}.
 */
public final class ReleaseSchemas {

    private ReleaseSchemas() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/main/resources" + SchemaHistory.RELEASED_ROOT);
        SchemaHistory history = SchemaHistory.load();
        for (Class<? extends SpecificRecord> type : EventTypes.ALL) {
            Schema current = SpecificData.get().getSchema(type);
            List<Schema> released = history.released(current);
            if (!released.isEmpty() && fingerprint(released.get(released.size() - 1)) == fingerprint(current)) {
                continue;
            }
            List<String> violations = SchemaCompatibilityCheck.violations(current, released);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("Refusing to release " + type.getSimpleName() + ": " + violations);
            }
            String entry = type.getSimpleName() + "/" + (released.size() + 1);
            Files.createDirectories(root.resolve(type.getSimpleName()));
            Files.writeString(root.resolve(entry + ".avsc"), current.toString(true) + "\n", StandardCharsets.UTF_8);
            Files.writeString(root.resolve("INDEX"), entry + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("released " + entry);
        }
    }

    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
