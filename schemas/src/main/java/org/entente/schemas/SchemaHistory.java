package org.entente.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

/**
 * The released versions of every event schema, shipped on the classpath so that readers resolve
 * records written by any earlier release. Each released file is self-contained (nested types
 * inline); {@code released/INDEX} lists them as {@code <EventName>/<version>}.
 */
public final class SchemaHistory {

    static final String RELEASED_ROOT = "/org/entente/schemas/released/";

    private final Map<String, List<Schema>> releasedByFullName;

    private SchemaHistory(Map<String, List<Schema>> releasedByFullName) {
        this.releasedByFullName = releasedByFullName;
    }

    public static SchemaHistory load() {
        Map<String, List<Schema>> released = new LinkedHashMap<>();
        for (String entry : readResource(RELEASED_ROOT + "INDEX").lines().map(String::strip).toList()) {
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            Schema schema = new Schema.Parser().parse(readResource(RELEASED_ROOT + entry + ".avsc"));
            released.computeIfAbsent(schema.getFullName(), name -> new ArrayList<>()).add(schema);
        }
        return new SchemaHistory(released);
    }

    static SchemaHistory of(List<Schema> released) {
        Map<String, List<Schema>> byName = new LinkedHashMap<>();
        released.forEach(schema -> byName.computeIfAbsent(schema.getFullName(), name -> new ArrayList<>()).add(schema));
        return new SchemaHistory(byName);
    }

    /** Released versions of one event, oldest first; empty when it was never released. */
    public List<Schema> released(Schema current) {
        return releasedByFullName.getOrDefault(current.getFullName(), List.of());
    }

    private static String readResource(String path) {
        try (InputStream in = SchemaHistory.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
