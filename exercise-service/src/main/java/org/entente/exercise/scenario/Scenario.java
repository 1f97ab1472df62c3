package org.entente.exercise.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A valid exercise scenario: who takes part, under which reference data, which incidents are
 * injected when, how scripted points of contact behave and what the planner expects to see.
 * Only {@link ScenarioParser} makes one from a file, after every check passed.
 *
 * @param description {@code null} when the file has none
 * @param injects in scenario-time order (file order among injects at the same time)
 */
public record Scenario(
        String name,
        String description,
        List<String> objectives,
        List<String> participants,
        Reference reference,
        List<Inject> injects,
        List<Behaviour> behaviours,
        List<Expectation> expectations) {

    /**
     * How the state's point of contact answers the alert of an inject: the behaviour naming the
     * inject, else the state's general behaviour; empty when nobody is scripted for it (people
     * play it in a live replay).
     */
    public Optional<Acknowledgement> acknowledgementOf(String state, String injectId) {
        List<Behaviour> ofState = behaviours.stream().filter(b -> b.state().equals(state)).toList();
        return ofState.stream().filter(b -> b.injects().contains(injectId)).findFirst()
                .or(() -> ofState.stream().filter(b -> b.injects().isEmpty()).findFirst())
                .map(Behaviour::acknowledges);
    }
}
