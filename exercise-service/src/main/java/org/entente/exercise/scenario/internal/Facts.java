package org.entente.exercise.scenario.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.entente.exercise.scenario.ScenarioTime;

/**
 * What the cross-checks need to know of a document, however broken: the participants, each
 * inject's reporting state and, with inline reference data, the length of each contact chain.
 */
record Facts(Set<String> participants, Map<String, String> reporterByInject, boolean inlineReference,
        Map<String, Integer> chainLengths) {

    static Facts of(Element root) {
        Set<String> participants = root.get("participants").items().flatMap(p -> p.text().stream())
                .collect(Collectors.toSet());
        Map<String, String> reporters = new HashMap<>();
        root.get("injects").items().forEach(inject -> inject.get("id").text().ifPresent(id ->
                reporters.putIfAbsent(id, inject.get("reportingState").text().orElse(""))));
        Element reference = root.get("reference");
        Map<String, Integer> chains = new HashMap<>();
        reference.get("contacts").items().forEach(contacts -> contacts.get("state").text().ifPresent(state ->
                chains.putIfAbsent(state, (int) contacts.get("chain").items().count())));
        return new Facts(participants, reporters, reference.node().isObject(), chains);
    }

    boolean isInject(String id) {
        return reporterByInject.containsKey(id);
    }

    Optional<String> reporterOf(String inject) {
        return Optional.ofNullable(reporterByInject.get(inject));
    }

    /** With inline reference data, whether the state's chain has no one to escalate to. */
    boolean lacksBackup(String state) {
        return inlineReference && chainLengths.getOrDefault(state, 0) < 2;
    }

    void requireParticipant(Element state, Findings findings) {
        state.text().filter(code -> !participants.contains(code))
                .ifPresent(code -> findings.at(state.path(), code + " is not among the participants"));
    }

    void requireInject(Element inject, Findings findings) {
        inject.text().filter(id -> !isInject(id))
                .ifPresent(id -> findings.at(inject.path(), id + " is not the id of any inject"));
    }

    /** A span the schema let through can still be beyond what a duration holds. */
    static void requireSpan(Element span, Findings findings) {
        span.text().filter(text -> ScenarioTime.isSpanSyntax(text) && ScenarioTime.parseSpan(text).isEmpty())
                .ifPresent(text -> findings.at(span.path(), "is too large"));
    }
}
