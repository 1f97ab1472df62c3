package org.entente.exercise.scenario.internal;

/** The rules that relate one part of a scenario to another, which a JSON Schema cannot say. */
public final class SemanticChecks {

    private SemanticChecks() {
    }

    public static void check(YamlDocument document, Findings findings) {
        Element root = Element.root(document);
        Facts facts = Facts.of(root);
        ReferenceChecks.check(root, findings);
        InjectChecks.check(root, facts, findings);
        BehaviourChecks.check(root, facts, findings);
        ExpectationChecks.check(root, facts, findings);
    }
}
