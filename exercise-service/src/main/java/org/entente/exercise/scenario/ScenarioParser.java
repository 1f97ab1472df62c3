package org.entente.exercise.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.entente.exercise.scenario.internal.Findings;
import org.entente.exercise.scenario.internal.ScenarioBinder;
import org.entente.exercise.scenario.internal.SchemaCheck;
import org.entente.exercise.scenario.internal.SemanticChecks;
import org.entente.exercise.scenario.internal.YamlDocument;
import org.entente.exercise.scenario.internal.YamlReader;

/**
 * Reads a scenario file: YAML, then scenario.schema.json, then the rules that relate its parts.
 * A file with any error yields all of them, each with its line, column and key path, in an
 * {@link InvalidScenarioException}, and no scenario.
 */
public final class ScenarioParser {

    private ScenarioParser() {
    }

    public static Scenario parse(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** @param file the name errors are reported under */
    public static Scenario parse(String file, String yaml) {
        YamlDocument document = YamlReader.read(file, yaml);
        Findings findings = new Findings(document);
        SchemaCheck.check(document, findings);
        SemanticChecks.check(document, findings);
        findings.throwIfAny(file);
        return ScenarioBinder.bind(document);
    }
}
