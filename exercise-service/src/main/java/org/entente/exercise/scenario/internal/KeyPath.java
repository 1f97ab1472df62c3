package org.entente.exercise.scenario.internal;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.path.NodePath;

/**
 * Where a value sits in the scenario document, written as people read it:
 * {@code injects[2].incident.tlp}. Segments are keys (String) and list indexes (Integer).
 */
record KeyPath(List<Object> segments) {

    static final KeyPath ROOT = new KeyPath(List.of());

    static KeyPath of(NodePath path) {
        List<Object> segments = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            segments.add(path.getElement(i));
        }
        return new KeyPath(List.copyOf(segments));
    }

    KeyPath key(String key) {
        return append(key);
    }

    KeyPath index(int index) {
        return append(index);
    }

    /** The path one level up; the root's parent is the root. */
    KeyPath parent() {
        return segments.isEmpty() ? this : new KeyPath(segments.subList(0, segments.size() - 1));
    }

    /** Whether the last segment is a key (so the value has a key in the file). */
    boolean endsWithKey() {
        return !segments.isEmpty() && segments.get(segments.size() - 1) instanceof String;
    }

    private KeyPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new KeyPath(List.copyOf(longer));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(segment);
            }
        }
        return text.toString();
    }
}
