package org.entente.exercise.scenario.internal;

import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A value of the document with its path, for checks that must not trip over a document the
 * schema already found wrong: a missing or mistyped value simply yields nothing.
 */
record Element(JsonNode node, KeyPath path) {

    static Element root(YamlDocument document) {
        return new Element(document.root(), KeyPath.ROOT);
    }

    Element get(String key) {
        JsonNode value = node.isObject() && node.has(key) ? node.get(key) : MissingNode.getInstance();
        return new Element(value, path.key(key));
    }

    /** The items of a list; none when this is not a list. */
    Stream<Element> items() {
        if (!node.isArray()) {
            return Stream.empty();
        }
        return IntStream.range(0, node.size()).mapToObj(i -> new Element(node.get(i), path.index(i)));
    }

    Optional<String> text() {
        return node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
    }

    boolean isPresent() {
        return !node.isMissingNode();
    }

    /** The single key of a one-key mapping such as an expectation; empty otherwise. */
    Optional<String> soleKey() {
        return node.isObject() && node.size() == 1 ? Optional.of(node.propertyNames().iterator().next()) : Optional.empty();
    }
}
