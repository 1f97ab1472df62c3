package org.entente.exercise.scenario.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Behaviours: of participants, for injects that exist; per state at most one general behaviour
 * and at most one for each inject; a backup to answer for {@code byBackup} (with inline
 * reference data, where the chains are known).
 */
final class BehaviourChecks {

    private BehaviourChecks() {
    }

    static void check(Element root, Facts facts, Findings findings) {
        Map<String, KeyPath> general = new HashMap<>();
        Map<String, KeyPath> perInject = new HashMap<>();
        root.get("behaviours").items().forEach(behaviour -> {
            Element state = behaviour.get("state");
            facts.requireParticipant(state, findings);
            String code = state.text().orElse("");
            Element injects = behaviour.get("injects");
            if (!injects.isPresent()) {
                KeyPath earlier = general.putIfAbsent(code, behaviour.path());
                if (earlier != null) {
                    findings.at(state.path(), code + " already has a behaviour for all its injects at " + earlier);
                }
            }
            injects.items().forEach(inject -> {
                facts.requireInject(inject, findings);
                inject.text().ifPresent(id -> {
                    KeyPath earlier = perInject.putIfAbsent(code + "/" + id, inject.path());
                    if (earlier != null) {
                        findings.at(inject.path(), code + " already has a behaviour for " + id + " at " + earlier);
                    }
                });
            });
            Element acknowledges = behaviour.get("acknowledges");
            acknowledges.soleKey().map(acknowledges::get).ifPresent(span -> Facts.requireSpan(span, findings));
            Element byBackup = acknowledges.get("byBackup");
            if (byBackup.isPresent() && facts.lacksBackup(code)) {
                findings.at(byBackup.path(), code + " has no backup contact in its chain");
            }
        });
    }
}
