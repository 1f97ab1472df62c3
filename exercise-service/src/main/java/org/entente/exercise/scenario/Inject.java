package org.entente.exercise.scenario;

import java.time.Duration;
import java.util.List;

/**
 * An incident the exercise reports on behalf of a state.
 *
 * @param at when it is reported, in scenario time: its written offset counted from the start, or
 *           from the latest of the injects it comes {@code after}
 * @param after the injects that must have been reported first
 */
public record Inject(String id, Duration at, String reportingState, List<String> after, Incident incident) {
}
