package org.entente.exercise.scenario.internal;

import java.util.List;

import org.entente.exercise.scenario.ScenarioTime;

/**
 * Injects: unique ids, reporting states that take part, offsets a duration can hold, TLP:RED
 * only to named participants other than the reporter, and {@code after} naming other injects
 * without a cycle.
 */
final class InjectChecks {

    private InjectChecks() {
    }

    static void check(Element root, Facts facts, Findings findings) {
        List<Element> injects = root.get("injects").items().toList();
        Unique.check(injects, "id", findings);
        for (Element inject : injects) {
            Element at = inject.get("at");
            at.text().filter(text -> ScenarioTime.isOffsetSyntax(text) && ScenarioTime.parseOffset(text).isEmpty())
                    .ifPresent(text -> findings.at(at.path(), "is too large"));
            facts.requireParticipant(inject.get("reportingState"), findings);
            inject.get("after").items().forEach(after -> {
                facts.requireInject(after, findings);
                if (after.text().isPresent() && after.text().equals(inject.get("id").text())) {
                    findings.at(after.path(), "names the inject itself");
                }
            });
            Element incident = inject.get("incident");
            Facts.requireSpan(incident.get("detectedBefore"), findings);
            recipients(incident, inject.get("reportingState").text().orElse(""), facts, findings);
        }
        new AfterGraph(injects).cycles().forEach(cycle ->
                findings.at(cycle.edge().path(), "makes a cycle: " + String.join(" → ", cycle.ids())));
    }

    private static void recipients(Element incident, String reporter, Facts facts, Findings findings) {
        Element named = incident.get("namedRecipients");
        if (incident.get("tlp").text().filter("RED"::equals).isPresent() && !named.isPresent()) {
            findings.at(named.path(), "is required for TLP:RED");
        }
        named.items().forEach(recipient -> {
            facts.requireParticipant(recipient, findings);
            if (recipient.text().filter(reporter::equals).isPresent()) {
                findings.at(recipient.path(), "must not name the reporting state itself");
            }
        });
    }
}
