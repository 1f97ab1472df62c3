package org.entente.exercise.scenario.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks a document against scenario.schema.json and places each error at its key or value. */
public final class SchemaCheck {

    /** Where the schema is on the class path. */
    public static final String RESOURCE = "/org/entente/exercise/scenario.schema.json";
    private static final JsonNode TREE = read();
    private static final Schema SCHEMA = SchemaRegistry
            .withDefaultDialect(SpecificationVersion.DRAFT_2020_12, registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().errorMessageKeyword("errorMessage").build()))
            .getSchema(TREE);

    private SchemaCheck() {
    }

    public static void check(YamlDocument document, Findings findings) {
        for (Error error : SCHEMA.validate(document.root())) {
            KeyPath path = KeyPath.of(error.getInstanceLocation());
            switch (error.getKeyword()) {
                case "required" -> findings.at(path.key(error.getProperty()), "is required");
                case "additionalProperties" -> findings.atKey(path.key(error.getProperty()),
                        "is not a known key here; expected one of " + String.join(", ", knownKeys(error)));
                default -> findings.at(path, error.getMessage());
            }
        }
    }

    /** The keys the object's schema declares: the failing keyword's siblings hold them under "properties". */
    private static Collection<String> knownKeys(Error additionalProperties) {
        NodePath keyword = additionalProperties.getSchemaLocation().getFragment();
        JsonNode object = TREE;
        for (int i = 0; i < keyword.getNameCount() - 1; i++) {
            object = keyword.getElement(i) instanceof Integer index ? object.path(index) : object.path(keyword.getName(i));
        }
        return object.path("properties").propertyNames();
    }

    private static JsonNode read() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
