package org.entente.exercise.samples;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.entente.events.Agreement;
import org.entente.events.AgreementRef;
import org.entente.events.AlertIssued;
import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentResult;
import org.entente.events.Contact;
import org.entente.events.ContactChain;
import org.entente.events.Deadline;
import org.entente.events.DisclosureRecorded;
import org.entente.events.IncidentReported;
import org.entente.exercise.report.Observed;
import org.entente.exercise.scenario.Acknowledgement;
import org.entente.exercise.scenario.Incident;
import org.entente.exercise.scenario.InlineReference;
import org.entente.exercise.scenario.Inject;
import org.entente.exercise.scenario.Scenario;
import org.entente.incident.intake.IncidentReportRequest;
import org.entente.incident.intake.IncidentReportValidator;
import org.entente.notification.address.WebhookAddressPolicy;
import org.entente.notification.reference.ReferenceDataFile;
import org.entente.notification.reference.ReferenceDataMapper;
import org.entente.notification.reference.ReferenceDocuments.AgreementDocument;
import org.entente.notification.reference.ReferenceDocuments.ChannelDocument;
import org.entente.notification.reference.ReferenceDocuments.CommitmentDocument;
import org.entente.notification.reference.ReferenceDocuments.ContactChainDocument;
import org.entente.notification.reference.ReferenceDocuments.ContactDocument;
import org.entente.notification.routing.AlertComposer;
import org.entente.notification.routing.Route;
import org.entente.notification.routing.Router;
import org.entente.platform.api.PersonalDataSection;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.Labels;

/**
 * What a replay of a scenario observes when incident-service's intake rules check each inject,
 * notification-service's routing rules route it, and every point of contact does as scripted:
 * the acknowledgement deadline escalates an unanswered alert one contact down the chain per
 * acknowledgement period (as the lifecycle rules document), and the scripted contact
 * acknowledges. Only acknowledgements are scripted, so only their outcomes are observed.
 */
final class ScriptedReplay {

    /** Scenario time zero: inside the validity of every agreement the samples use. */
    static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    private static final EventMetadataFactory METADATA = new EventMetadataFactory("exercise-test",
            Clock.fixed(START, ZoneOffset.UTC));
    private static final Path LIVE_REFERENCE = Path.of("../deploy/local/reference-data.yml");
    private static final WebhookAddressPolicy ADDRESS_POLICY = WebhookAddressPolicy.of(List.of());

    private final Scenario scenario;
    private final List<Agreement> agreements;
    private final Map<String, List<Contact>> chains;
    private final AlertComposer composer = new AlertComposer(METADATA);
    private final List<Observed> observed = new ArrayList<>();

    private ScriptedReplay(Scenario scenario, List<Agreement> agreements, List<ContactChain> chains) {
        this.scenario = scenario;
        this.agreements = agreements;
        this.chains = chains.stream().collect(Collectors.toMap(ContactChain::getStateCode, ContactChain::getContacts));
    }

    static List<Observed> of(Scenario scenario) {
        ScriptedReplay replay = scenario.reference() instanceof InlineReference inline
                ? new ScriptedReplay(scenario,
                        inline.agreements().stream().map(a -> ReferenceDataMapper.agreement(document(a), "", METADATA.now(null))).toList(),
                        inline.contacts().stream()
                                .map(c -> ReferenceDataMapper.contacts(document(c), "", METADATA.now(null), ADDRESS_POLICY)).toList())
                : live(scenario);
        scenario.injects().forEach(replay::report);
        return replay.observed;
    }

    private static ScriptedReplay live(Scenario scenario) {
        ReferenceDataFile reference = ReferenceDataFile.read(LIVE_REFERENCE, METADATA, ADDRESS_POLICY);
        return new ScriptedReplay(scenario, reference.agreements(), reference.contacts());
    }

    private void report(Inject inject) {
        Instant at = START.plus(inject.at());
        IncidentReported incident = IncidentReportValidator.toEvent(scenario.participants()::contains,
                request(inject.incident(), at), inject.id(), inject.reportingState(), "exercise",
                METADATA.derived(inject.id(), at, null));
        observed.add(new Observed.InjectSent(inject.at(), inject.id(), inject.reportingState()));
        for (Route route : Router.route(incident, agreements)) {
            List<Contact> chain = chains.get(route.recipientState());
            AlertComposer.Composed composed = composer.compose(incident, route, chain.get(0).getContactId());
            DisclosureRecorded disclosure = composed.disclosure();
            observed.add(new Observed.AlertIssued(inject.at(), inject.id(), route.recipientState(),
                    agreement(disclosure.getAgreement()),
                    composed.alert().getCoveringAgreements().stream().map(ScriptedReplay::agreement).toList(),
                    disclosure.getDisclosed(),
                    disclosure.getWithheld().stream().map(w -> new Observed.Withheld(w.getCategory(), w.getReason())).toList()));
            composed.alert().getDeadlines().stream().filter(d -> d.getKind() == CommitmentKind.ACKNOWLEDGE).findFirst()
                    .ifPresent(deadline -> acknowledge(inject, composed.alert(), deadline, chain));
        }
    }

    /** The scripted answer, the escalations that come before it, and the commitment's outcome. */
    private void acknowledge(Inject inject, AlertIssued alert, Deadline deadline, List<Contact> chain) {
        String state = alert.getRecipientState();
        Duration issued = inject.at();
        Duration due = Duration.between(START, deadline.getDueAt());
        Duration missed = Duration.between(START, deadline.getMissedAt());
        Acknowledgement script = scenario.acknowledgementOf(state, inject.id()).orElse(new Acknowledgement.Never());
        Duration answer = script instanceof Acknowledgement.After after ? issued.plus(after.delay())
                : script instanceof Acknowledgement.Late late ? due.plus(late.pastDeadline())
                : script instanceof Acknowledgement.ByBackup backup ? due.plus(backup.delay())
                : null;
        Duration period = due.minus(issued);
        for (int level = 1; level < chain.size(); level++) {
            Duration escalation = due.plus(period.multipliedBy(level - 1L));
            if (answer == null || escalation.compareTo(answer) < 0) {
                observed.add(new Observed.Escalated(escalation, inject.id(), state, level, chain.get(level).getContactId()));
            }
        }
        if (answer == null) {
            observed.add(new Observed.CommitmentOutcome(missed, inject.id(), state, CommitmentKind.ACKNOWLEDGE,
                    CommitmentResult.MISSED, due));
            return;
        }
        Contact by = chain.get(script instanceof Acknowledgement.ByBackup ? 1 : 0);
        observed.add(new Observed.Acknowledged(answer, inject.id(), state, by.getContactId()));
        CommitmentResult result = answer.compareTo(due) <= 0 ? CommitmentResult.HONOURED
                : answer.compareTo(missed) < 0 ? CommitmentResult.LATE : CommitmentResult.MISSED;
        observed.add(new Observed.CommitmentOutcome(answer, inject.id(), state, CommitmentKind.ACKNOWLEDGE, result, due));
    }

    private static IncidentReportRequest request(Incident incident, Instant at) {
        Incident.PersonalData personal = incident.personalData();
        return new IncidentReportRequest(at.minus(incident.detectedBefore()), Labels.of(incident.sector()),
                Labels.of(incident.incidentClass()), Labels.of(incident.severity()), Labels.of(incident.tlp()),
                incident.title(), incident.summary(), incident.indicators(),
                personal == null ? null : new PersonalDataSection(personal.names(), personal.emailAddresses(),
                        personal.accountIdentifiers(), personal.notes()),
                incident.affectedStates(), incident.namedRecipients());
    }

    private static Observed.Agreement agreement(AgreementRef ref) {
        return new Observed.Agreement(ref.getAgreementId(), ref.getVersion());
    }

    private static AgreementDocument document(InlineReference.Agreement agreement) {
        return new AgreementDocument(agreement.id(), agreement.version(), agreement.title(), agreement.parties(),
                agreement.sectors().stream().map(Labels::of).toList(),
                agreement.incidentClasses().stream().map(Labels::of).toList(),
                Labels.of(agreement.minimumSeverity()), Labels.of(agreement.maxTlp()),
                agreement.dataCategories().stream().map(Labels::of).toList(), agreement.personalDataLegalBasis(),
                agreement.commitments().stream().map(c -> new CommitmentDocument(Labels.of(c.kind()), c.within(), c.grace())).toList(),
                agreement.validFrom(), agreement.validUntil(), Labels.of(agreement.status()));
    }

    private static ContactChainDocument document(InlineReference.ContactChain chain) {
        return new ContactChainDocument(chain.state(), chain.chain().stream()
                .map(contact -> new ContactDocument(contact.id(), contact.name(), contact.channels().stream()
                        .map(channel -> new ChannelDocument(Labels.of(channel.type()), channel.address())).toList()))
                .toList());
    }
}
