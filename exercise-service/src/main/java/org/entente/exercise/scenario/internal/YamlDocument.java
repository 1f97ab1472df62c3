package org.entente.exercise.scenario.internal;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A scenario file read as a JSON tree (for the schema and the checks), with where each value
 * and each key stands in the file, and the errors found while reading it (duplicate keys).
 */
public record YamlDocument(JsonNode root, Map<KeyPath, Location> values, Map<KeyPath, Location> keys, List<Issue> issues) {

    /**
     * Where the value at {@code path} is; for a value that is missing, where its owner is
     * written: the key of the mapping that lacks it, or the start of that mapping.
     */
    Location valueLocation(KeyPath path) {
        Location location = values.get(path);
        if (location != null || path.segments().isEmpty()) {
            return location;
        }
        return keyLocation(path.parent());
    }

    /** Where the key of the value at {@code path} is; the value's location when it has no key. */
    Location keyLocation(KeyPath path) {
        Location location = path.endsWithKey() ? keys.get(path) : null;
        return location != null ? location : valueLocation(path);
    }
}
