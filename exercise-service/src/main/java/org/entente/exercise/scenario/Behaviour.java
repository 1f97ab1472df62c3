package org.entente.exercise.scenario;

import java.util.List;

/**
 * How a scripted point of contact of {@code state} answers its alerts.
 *
 * @param injects the injects it applies to; empty for the state's general behaviour
 */
public record Behaviour(String state, List<String> injects, Acknowledgement acknowledges) {
}
