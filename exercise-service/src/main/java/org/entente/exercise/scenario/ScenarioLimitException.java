package org.entente.exercise.scenario;

import java.util.List;

/**
 * A scenario file beyond one of the reader's limits (its size, its aliases, its size with every
 * alias expanded, how deep it nests): refused as soon as the limit is passed, with the one error
 * that names the limit, and nothing else checked.
 */
public class ScenarioLimitException extends InvalidScenarioException {

    public ScenarioLimitException(ScenarioError error) {
        super(List.of(error));
    }

    public ScenarioError error() {
        return errors().get(0);
    }
}
