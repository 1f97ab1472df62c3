package org.entente.exercise.scenario.internal;

/**
 * Expectations: about participants and injects that exist, never about a state receiving its own
 * report, and a backup to escalate to (with inline reference data, where the chains are known).
 */
final class ExpectationChecks {

    private ExpectationChecks() {
    }

    static void check(Element root, Facts facts, Findings findings) {
        root.get("expectations").items().forEach(expectation -> expectation.soleKey().ifPresent(kind -> {
            Element body = expectation.get(kind);
            Element state = body.get("state");
            Element inject = body.get("inject");
            facts.requireParticipant(state, findings);
            facts.requireInject(inject, findings);
            Facts.requireSpan(body.get("within"), findings);
            String code = state.text().orElse("");
            inject.text().flatMap(facts::reporterOf).filter(code::equals).ifPresent(reporter ->
                    findings.at(state.path(), code + " reports " + inject.text().orElseThrow() + " itself and gets no alert of it"));
            if (kind.equals("escalatesToBackup") && facts.lacksBackup(code)) {
                findings.at(state.path(), code + " has no backup contact in its chain");
            }
        }));
    }
}
