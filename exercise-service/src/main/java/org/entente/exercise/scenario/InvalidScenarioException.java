package org.entente.exercise.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file with errors: all of them, in the order they appear in the file. */
public class InvalidScenarioException extends RuntimeException {

    private final transient List<ScenarioError> errors;

    public InvalidScenarioException(List<ScenarioError> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the scenario:\n"
                + errors.stream().map(ScenarioError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ScenarioError> errors() {
        return errors;
    }
}
