package org.entente.exercise.scenario.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.entente.exercise.scenario.InvalidScenarioException;
import org.entente.exercise.scenario.ScenarioError;

/** The errors found in one document, each placed at its value or its key. */
public final class Findings {

    private final YamlDocument document;
    private final List<Issue> issues;

    public Findings(YamlDocument document) {
        this.document = document;
        this.issues = new ArrayList<>(document.issues());
    }

    /** An error about the value at {@code path}. */
    void at(KeyPath path, String message) {
        issues.add(new Issue(document.valueLocation(path), path, message));
    }

    /** An error about the key of {@code path} (a key that should not be there). */
    void atKey(KeyPath path, String message) {
        issues.add(new Issue(document.keyLocation(path), path, message));
    }

    /** Every error, in file order, when there is any. */
    public void throwIfAny(String file) {
        if (issues.isEmpty()) {
            return;
        }
        List<ScenarioError> errors = issues.stream()
                .map(issue -> new ScenarioError(file, issue.location().line(), issue.location().column(),
                        issue.path().toString(), issue.message()))
                .distinct()
                .sorted(Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column)
                        .thenComparing(ScenarioError::path).thenComparing(ScenarioError::message))
                .toList();
        throw new InvalidScenarioException(errors);
    }
}
