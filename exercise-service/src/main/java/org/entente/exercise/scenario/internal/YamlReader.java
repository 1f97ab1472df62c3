package org.entente.exercise.scenario.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.entente.exercise.scenario.InvalidScenarioException;
import org.entente.exercise.scenario.ScenarioError;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads YAML 1.2 (core schema: {@code NO} is a string, not false) into a JSON tree, noting where
 * every key and value stands. A file that is not YAML at all fails at once with the reason and
 * where the reader stopped; a duplicate key or an alias that contains itself is noted and
 * reading goes on.
 */
public final class YamlReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<KeyPath, Location> values = new HashMap<>();
    private final Map<KeyPath, Location> keys = new HashMap<>();
    private final List<Issue> issues = new ArrayList<>();
    /** The collections being converted, to catch an alias that refers to its own ancestor. */
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlReader() {
    }

    public static YamlDocument read(String file, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema()).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Location at = e.getProblemMark().or(e::getContextMark).map(Location::of).orElse(new Location(1, 1));
            throw syntaxError(file, at, "is not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw syntaxError(file, new Location(1, 1), "is not valid YAML: " + e.getMessage());
        }
        if (root.isEmpty()) {
            throw syntaxError(file, new Location(1, 1), "is empty");
        }
        YamlReader reader = new YamlReader();
        JsonNode tree = reader.convert(root.get(), KeyPath.ROOT);
        return new YamlDocument(tree, Map.copyOf(reader.values), Map.copyOf(reader.keys), List.copyOf(reader.issues));
    }

    private static InvalidScenarioException syntaxError(String file, Location at, String message) {
        return new InvalidScenarioException(List.of(new ScenarioError(file, at.line(), at.column(), "", message)));
    }

    private JsonNode convert(Node node, KeyPath path) {
        values.put(path, location(node.getStartMark()));
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (!open.add(node)) {
            issues.add(new Issue(values.get(path), path, "is an alias of a collection that contains it"));
            return NODES.nullNode();
        }
        JsonNode converted = node instanceof MappingNode mapping ? mapping(mapping, path) : sequence((SequenceNode) node, path);
        open.remove(node);
        return converted;
    }

    private ObjectNode mapping(MappingNode mapping, KeyPath path) {
        ObjectNode object = NODES.objectNode();
        for (NodeTuple entry : mapping.getValue()) {
            Location keyAt = location(entry.getKeyNode().getStartMark());
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                issues.add(new Issue(keyAt, path, "has a key that is not a plain name"));
                continue;
            }
            KeyPath member = path.key(key.getValue());
            if (object.has(key.getValue())) {
                issues.add(new Issue(keyAt, member, "appears twice in the same mapping"));
                continue;
            }
            keys.put(member, keyAt);
            object.set(key.getValue(), convert(entry.getValueNode(), member));
        }
        return object;
    }

    private ArrayNode sequence(SequenceNode sequence, KeyPath path) {
        ArrayNode array = NODES.arrayNode();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            array.add(convert(items.get(i), path.index(i)));
        }
        return array;
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return NODES.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                return NODES.booleanNode(Boolean.parseBoolean(text));
            }
            if (Tag.INT.equals(tag)) {
                return NODES.numberNode(integer(text));
            }
            if (Tag.FLOAT.equals(tag)) {
                return NODES.numberNode(new BigDecimal(text));
            }
        } catch (NumberFormatException notFinite) {
            // .inf and .nan have no JSON form: they stay text, and the schema says what is expected.
        }
        return NODES.stringNode(text);
    }

    /** The core schema's integers: decimal, 0o octal and 0x hexadecimal. */
    private static BigInteger integer(String text) {
        if (text.startsWith("0x")) {
            return new BigInteger(text.substring(2), 16);
        }
        if (text.startsWith("0o")) {
            return new BigInteger(text.substring(2), 8);
        }
        return new BigInteger(text);
    }

    private static Location location(Optional<Mark> mark) {
        return mark.map(Location::of).orElse(new Location(1, 1));
    }
}
