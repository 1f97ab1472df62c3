package org.entente.exercise.scenario.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.entente.events.AgreementStatus;
import org.entente.events.ChannelType;
import org.entente.events.CommitmentKind;
import org.entente.events.DataCategory;
import org.entente.events.IncidentClass;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.exercise.scenario.Acknowledgement;
import org.entente.exercise.scenario.Behaviour;
import org.entente.exercise.scenario.Expectation;
import org.entente.exercise.scenario.Incident;
import org.entente.exercise.scenario.InlineReference;
import org.entente.exercise.scenario.Inject;
import org.entente.exercise.scenario.Reference;
import org.entente.exercise.scenario.Scenario;
import org.entente.exercise.scenario.ScenarioTime;
import org.entente.schemas.Labels;

/**
 * Turns a document that passed every check into a {@link Scenario}; on any other document it
 * fails, so it runs only after {@link Findings#throwIfAny}. Resolves each inject's time: its
 * offset from the start, or from the latest inject it comes after.
 */
public final class ScenarioBinder {

    private ScenarioBinder() {
    }

    public static Scenario bind(YamlDocument document) {
        Element root = Element.root(document);
        return new Scenario(
                text(root.get("name")),
                root.get("description").text().map(String::strip).orElse(null),
                texts(root.get("objectives")),
                texts(root.get("participants")),
                reference(root.get("reference")),
                injects(root.get("injects")),
                root.get("behaviours").items().map(ScenarioBinder::behaviour).toList(),
                root.get("expectations").items().map(ScenarioBinder::expectation).toList());
    }

    private static List<Inject> injects(Element list) {
        List<Element> elements = list.items().toList();
        Map<String, Element> byId = new HashMap<>();
        elements.forEach(element -> byId.put(text(element.get("id")), element));
        Map<String, Duration> times = new HashMap<>();
        for (String id : new AfterGraph(elements).order()) {
            Element element = byId.get(id);
            Duration start = element.get("after").items().map(after -> times.get(text(after)))
                    .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
            times.put(id, start.plus(ScenarioTime.parseOffset(text(element.get("at"))).orElseThrow()));
        }
        return elements.stream()
                .map(element -> new Inject(text(element.get("id")), times.get(text(element.get("id"))),
                        text(element.get("reportingState")), texts(element.get("after")), incident(element.get("incident"))))
                .sorted(Comparator.comparing(Inject::at))
                .toList();
    }

    private static Incident incident(Element incident) {
        Element personal = incident.get("personalData");
        return new Incident(
                incident.get("detectedBefore").text().map(ScenarioBinder::span).orElse(Duration.ZERO),
                label(Sector.class, incident.get("sector")),
                label(IncidentClass.class, incident.get("incidentClass")),
                label(Severity.class, incident.get("severity")),
                label(Tlp.class, incident.get("tlp")),
                text(incident.get("title")),
                text(incident.get("summary")),
                texts(incident.get("indicators")),
                personal.isPresent()
                        ? new Incident.PersonalData(texts(personal.get("names")), texts(personal.get("emailAddresses")),
                                texts(personal.get("accountIdentifiers")), personal.get("notes").text().orElse(null))
                        : null,
                texts(incident.get("affectedStates")),
                texts(incident.get("namedRecipients")));
    }

    private static Behaviour behaviour(Element behaviour) {
        Element acknowledges = behaviour.get("acknowledges");
        Acknowledgement acknowledgement = acknowledges.soleKey()
                .map(kind -> {
                    Duration span = span(text(acknowledges.get(kind)));
                    return switch (kind) {
                        case "after" -> (Acknowledgement) new Acknowledgement.After(span);
                        case "late" -> new Acknowledgement.Late(span);
                        default -> new Acknowledgement.ByBackup(span);
                    };
                })
                .orElseGet(Acknowledgement.Never::new);
        return new Behaviour(text(behaviour.get("state")), texts(behaviour.get("injects")), acknowledgement);
    }

    private static Expectation expectation(Element expectation) {
        String kind = expectation.soleKey().orElseThrow();
        Element body = expectation.get(kind);
        String state = text(body.get("state"));
        String inject = body.get("inject").text().orElse(null);
        return switch (kind) {
            case "acknowledges" -> new Expectation.Acknowledges(state, inject, span(text(body.get("within"))));
            case "receives" -> new Expectation.Receives(state, inject);
            case "doesNotReceive" -> new Expectation.DoesNotReceive(state, inject);
            case "receivesNoPersonalData" -> new Expectation.ReceivesNoPersonalData(state, inject);
            case "escalatesToBackup" -> new Expectation.EscalatesToBackup(state, inject);
            default -> throw new IllegalArgumentException("Unchecked expectation " + kind);
        };
    }

    private static Reference reference(Element reference) {
        if (!reference.node().isObject()) {
            return new Reference.Live();
        }
        return new InlineReference(
                reference.get("states").items()
                        .map(state -> new InlineReference.State(text(state.get("code")), text(state.get("name")).strip()))
                        .toList(),
                reference.get("contacts").items()
                        .map(chain -> new InlineReference.ContactChain(text(chain.get("state")),
                                chain.get("chain").items().map(ScenarioBinder::contact).toList()))
                        .toList(),
                reference.get("agreements").items().map(ScenarioBinder::agreement).toList());
    }

    private static InlineReference.Contact contact(Element contact) {
        return new InlineReference.Contact(text(contact.get("id")), text(contact.get("name")).strip(),
                contact.get("channels").items()
                        .map(channel -> new InlineReference.Channel(label(ChannelType.class, channel.get("type")),
                                channel.get("address").text().orElse(null)))
                        .toList());
    }

    private static InlineReference.Agreement agreement(Element agreement) {
        return new InlineReference.Agreement(
                text(agreement.get("id")),
                agreement.get("version").node().intValue(),
                text(agreement.get("title")).strip(),
                texts(agreement.get("parties")),
                labels(Sector.class, agreement.get("sectors")),
                labels(IncidentClass.class, agreement.get("incidentClasses")),
                label(Severity.class, agreement.get("minimumSeverity")),
                label(Tlp.class, agreement.get("maxTlp")),
                labels(DataCategory.class, agreement.get("dataCategories")),
                agreement.get("personalDataLegalBasis").text().map(String::strip).orElse(null),
                agreement.get("commitments").items()
                        .map(commitment -> new InlineReference.Commitment(
                                label(CommitmentKind.class, commitment.get("kind")),
                                Duration.parse(text(commitment.get("within"))),
                                commitment.get("grace").text().map(Duration::parse).orElse(null)))
                        .toList(),
                Instant.parse(text(agreement.get("validFrom"))),
                agreement.get("validUntil").text().map(Instant::parse).orElse(null),
                label(AgreementStatus.class, agreement.get("status")));
    }

    private static String text(Element element) {
        return element.text().orElseThrow(() -> new IllegalArgumentException("Unchecked value at " + element.path()));
    }

    private static List<String> texts(Element list) {
        return list.items().map(ScenarioBinder::text).toList();
    }

    private static Duration span(String text) {
        return ScenarioTime.parseSpan(text).orElseThrow();
    }

    private static <E extends Enum<E>> E label(Class<E> type, Element element) {
        return Labels.parse(type, text(element)).orElseThrow();
    }

    private static <E extends Enum<E>> List<E> labels(Class<E> type, Element list) {
        return list.items().map(element -> label(type, element)).toList();
    }
}
