package org.entente.exercise.scenario.internal;

import java.io.Reader;
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
import org.entente.exercise.scenario.ScenarioLimitException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads YAML 1.2 (core schema: {@code NO} is a string, not false) into a JSON tree, noting where
 * every key and value stands. A file that is not YAML at all fails at once with the reason and
 * where the reader stopped; a duplicate key or an alias that contains itself is noted and
 * reading goes on. Tags beyond the core schema's ({@code !foo}, {@code !!java/object:…}) make
 * nothing of a value: a scalar reads as text, a collection as a collection.
 *
 * <p>A file beyond a limit (its size, its aliases, its keys and values with every alias
 * expanded, how deep it nests) fails at once with a {@link ScenarioLimitException} naming the
 * limit, before it takes much memory or time: a few hundred bytes of aliases referring to each
 * other expand to billions of values, and every level of nesting is a level of recursion.
 */
public final class YamlReader {

    /*
     * The size limits leave room for a generated scenario of 10,000 injects (the benchmark's: 2.8 MB,
     * 249,000 keys and values); over HTTP, the body limit (1 MB) comes first.
     */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Keys and values, those of an aliased collection counted at every alias. */
    static final int MAX_NODES = 300_000;
    /** Of scalars and collections alike: more than a planner repeating blocks of a scenario needs. */
    static final int MAX_ALIASES = 100;
    /** Collections in collections; the scenario format nests six deep. */
    static final int MAX_DEPTH = 64;
    /** A longer number takes seconds to parse (13 s for a million digits): it stays text, and the schema says what is expected. */
    private static final int MAX_NUMBER_LENGTH = 1_000;
    private static final String TOO_DEEP = "is nested more than " + MAX_DEPTH + " levels deep (the limit)";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final Map<KeyPath, Location> values = new HashMap<>();
    private final Map<KeyPath, Location> keys = new HashMap<>();
    private final List<Issue> issues = new ArrayList<>();
    /** The collections being converted, to catch an alias that refers to its own ancestor. */
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private int expanded;

    private YamlReader(String file) {
        this.file = file;
    }

    public static YamlDocument read(String file, String text) {
        if (utf8Length(text) > MAX_BYTES) {
            throw overLimit(file, new Location(1, 1), KeyPath.ROOT, "is larger than " + MAX_BYTES + " bytes (the limit)");
        }
        // The library's own limits (3 Mi code points, 50 aliases of collections by default) fail with
        // a bare YamlEngineException that reads as a syntax error; set to ours, which come first, they never do.
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema())
                .setCodePointLimit(MAX_BYTES).setMaxAliasesForCollections(MAX_ALIASES).build();
        StreamReader stream = new StreamReader(settings, new WholeCodePoints(text));
        Optional<Node> root;
        try {
            root = new Composer(settings, new BoundedParser(file, new ParserImpl(settings, stream))).getSingleNode();
        } catch (MarkedYamlEngineException e) {
            Location at = e.getProblemMark().or(e::getContextMark).map(Location::of).orElse(new Location(1, 1));
            throw syntaxError(file, at, "is not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw syntaxError(file, new Location(1, 1), "is not valid YAML: " + e.getMessage());
        } catch (NumberFormatException e) {
            // snakeyaml-engine 3.0.1 decodes some escapes unchecked: on \\u, \\x or \\U where the file
            // ends, or on \\UFFFFFFFF, it throws this rather than an exception of its own.
            Location at = stream.getMark().map(Location::of).orElse(new Location(1, 1));
            throw syntaxError(file, at, "is not valid YAML: an escape sequence that cannot be decoded");
        }
        if (root.isEmpty()) {
            throw syntaxError(file, new Location(1, 1), "is empty");
        }
        YamlReader reader = new YamlReader(file);
        JsonNode tree = reader.convert(root.get(), KeyPath.ROOT);
        return new YamlDocument(tree, Map.copyOf(reader.values), Map.copyOf(reader.keys), List.copyOf(reader.issues));
    }

    private static InvalidScenarioException syntaxError(String file, Location at, String message) {
        return new InvalidScenarioException(List.of(error(file, at, KeyPath.ROOT, message)));
    }

    private static ScenarioLimitException overLimit(String file, Location at, KeyPath path, String message) {
        return new ScenarioLimitException(error(file, at, path, message));
    }

    private static ScenarioError error(String file, Location at, KeyPath path, String message) {
        return new ScenarioError(file, at.line(), at.column(), path.toString(), message);
    }

    /**
     * Converts a node and, through aliases, every node it refers to again: the composer checked
     * the file's own nesting, this checks the nesting and the size aliases make of it.
     */
    private JsonNode convert(Node node, KeyPath path) {
        Location at = location(node.getStartMark());
        count(at);
        values.put(path, at);
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (path.segments().size() >= MAX_DEPTH) {
            throw overLimit(file, at, path, TOO_DEEP);
        }
        if (!open.add(node)) {
            issues.add(new Issue(at, path, "is an alias of a collection that contains it"));
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
            count(keyAt);
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

    private void count(Location at) {
        if (++expanded > MAX_NODES) {
            throw overLimit(file, at, KeyPath.ROOT,
                    "has more than " + MAX_NODES + " keys and values with its aliases expanded (the limit)");
        }
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
            if (text.length() > MAX_NUMBER_LENGTH) {
                return NODES.stringNode(text);
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

    /** The file's size in UTF-8, counted without encoding it. */
    private static long utf8Length(String text) {
        return text.codePoints().mapToLong(c -> c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4).sum();
    }

    /**
     * The file, read so that no read ends between the two halves of a surrogate pair (unless the
     * file does): snakeyaml-engine 3.0.1 reads a char past its buffer when a read fills it and
     * ends on the first half, an IndexOutOfBoundsException on an emoji at character 1,025
     * (jackson-dataformats-text#508).
     */
    private static final class WholeCodePoints extends Reader {

        private final String text;
        private int next;

        WholeCodePoints(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next == text.length()) {
                return -1;
            }
            int end = Math.min(text.length(), next + length);
            if (end - next > 1 && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            text.getChars(next, end, buffer, offset);
            int read = end - next;
            next = end;
            return read;
        }

        @Override
        public void close() {
        }
    }

    /**
     * The parser's events on their way to the composer, counting aliases and how deep
     * collections nest: the composer recurses once per level, so it must not see a level too many.
     */
    private static final class BoundedParser implements Parser {

        private final String file;
        private final Parser parser;
        private int aliases;
        private int depth;

        BoundedParser(String file, Parser parser) {
            this.file = file;
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            switch (event.getEventId()) {
                case Alias -> {
                    if (++aliases > MAX_ALIASES) {
                        throw overLimit(file, location(event.getStartMark()), KeyPath.ROOT,
                                "has more than " + MAX_ALIASES + " aliases (the limit)");
                    }
                }
                case SequenceStart, MappingStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw overLimit(file, location(event.getStartMark()), KeyPath.ROOT, TOO_DEEP);
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                default -> {
                }
            }
            return event;
        }
    }
}
