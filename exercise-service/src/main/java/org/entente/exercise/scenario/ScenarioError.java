package org.entente.exercise.scenario;

/**
 * One thing wrong with a scenario file, where it is: 1-based line and column, and the key path
 * ({@code injects[2].incident.tlp}) of the offending value or key.
 */
public record ScenarioError(String file, int line, int column, String path, String message) {

    /** {@code grid.yml:14:12: injects[2].incident.tlp: does not have a value in the enumeration […]} */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
