package org.entente.notification.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.entente.events.AgreementRef;
import org.entente.events.AlertIssued;
import org.entente.events.Commitment;
import org.entente.events.DataCategory;
import org.entente.events.Deadline;
import org.entente.events.DisclosureRecorded;
import org.entente.events.IncidentReported;
import org.entente.events.WithheldCategory;
import org.entente.platform.events.EventMetadataFactory;

/**
 * Composes the alert a route allows, carrying only the permitted field categories, and the ledger
 * entry that records what left and what was withheld. Deterministic: the same incident revision
 * and terms give the same alert id, event ids, deadlines and content, so reprocessing duplicates
 * nothing. Each revision of an incident is an alert of its own.
 */
public final class AlertComposer {

    private final EventMetadataFactory metadata;

    public AlertComposer(EventMetadataFactory metadata) {
        this.metadata = metadata;
    }

    public record Composed(AlertIssued alert, DisclosureRecorded disclosure) {
    }

    /** The id of the alert of an incident's report to a recipient. */
    public static String alertId(String incidentId, String recipientState) {
        return EventMetadataFactory.derivedId(incidentId + "/" + recipientState);
    }

    /** The id of the alert of an incident revision to a recipient: the report's keeps the id alerts always had. */
    public static String alertId(String incidentId, int revision, String recipientState) {
        return revision == 0 ? alertId(incidentId, recipientState)
                : EventMetadataFactory.derivedId(incidentId + "/" + recipientState + "/revision-" + revision);
    }

    public Composed compose(IncidentReported incident, Route route, String contactId) {
        EffectiveTerms terms = route.terms();
        String alertId = alertId(incident.getIncidentId(), incident.getRevision(), route.recipientState());
        Instant issuedAt = Router.sharedAt(incident);
        String exerciseId = incident.getMetadata().getExerciseId();
        List<DataCategory> present = withContent(incident);
        List<WithheldCategory> withheld = new ArrayList<>();
        List<DataCategory> disclosed = new ArrayList<>();
        boolean operational = release(DataCategory.OPERATIONAL, present, terms, withheld, disclosed);
        boolean indicators = release(DataCategory.INDICATORS, present, terms, withheld, disclosed);
        boolean personal = release(DataCategory.PERSONAL_DATA, present, terms, withheld, disclosed);

        AlertIssued alert = AlertIssued.newBuilder()
                .setMetadata(metadata.derived("issued/" + alertId, issuedAt, exerciseId))
                .setAlertId(alertId)
                .setIncidentId(incident.getIncidentId())
                .setRecipientState(route.recipientState())
                .setContactId(contactId)
                .setReportingState(incident.getReportingState())
                .setAgreement(terms.governing())
                .setCoveringAgreements(terms.covering())
                .setIssuedAt(issuedAt)
                .setDetectedAt(incident.getDetectedAt())
                .setSector(incident.getSector())
                .setIncidentClass(incident.getIncidentClass())
                .setSeverity(incident.getSeverity())
                .setTlp(incident.getTlp())
                .setTitle(operational ? incident.getTitle() : null)
                .setSummary(operational ? incident.getSummary() : null)
                .setAffectedStates(operational ? incident.getAffectedStates() : null)
                .setIndicators(indicators ? incident.getIndicators() : null)
                .setPersonalData(personal ? incident.getPersonalData() : null)
                .setWithheld(withheld)
                .setDeadlines(deadlines(terms, issuedAt))
                .setIncidentRevision(incident.getRevision())
                .build();
        DisclosureRecorded disclosure = DisclosureRecorded.newBuilder()
                .setMetadata(metadata.derived("disclosed/" + alertId, issuedAt, exerciseId))
                .setAlertId(alertId)
                .setIncidentId(incident.getIncidentId())
                .setReportingState(incident.getReportingState())
                .setRecipientState(route.recipientState())
                .setAgreement(terms.governing())
                .setLegalBasis(personal ? terms.personalDataLegalBasis().orElseThrow() : null)
                .setTlp(incident.getTlp())
                .setDisclosed(disclosed)
                .setWithheld(withheld)
                .setDisclosedAt(issuedAt)
                .build();
        return new Composed(alert, disclosure);
    }

    /**
     * The ledger entry for a partner that an earlier revision of the incident reached and this
     * revision does not (a raised label, fewer named recipients, an agreement no longer covering
     * it): nothing disclosed, every category the revision has content in withheld with the reason,
     * under the agreement of the partner's last alert. It takes the alert id this revision's alert to the
     * partner would have had; no alert carries it.
     */
    public DisclosureRecorded noLongerShared(IncidentReported incident, String recipientState, AgreementRef lastAlertedUnder) {
        String alertId = alertId(incident.getIncidentId(), incident.getRevision(), recipientState);
        Instant at = Router.sharedAt(incident);
        String reason = "revision " + incident.getRevision() + " is not shared with " + recipientState
                + ", which an earlier revision reached: no agreement covers it for " + recipientState
                + " or the reporter no longer names it";
        return DisclosureRecorded.newBuilder()
                .setMetadata(metadata.derived("not-shared/" + alertId, at, incident.getMetadata().getExerciseId()))
                .setAlertId(alertId)
                .setIncidentId(incident.getIncidentId())
                .setReportingState(incident.getReportingState())
                .setRecipientState(recipientState)
                .setAgreement(lastAlertedUnder)
                .setLegalBasis(null)
                .setTlp(incident.getTlp())
                .setDisclosed(List.of())
                .setWithheld(withContent(incident).stream().map(category -> new WithheldCategory(category, reason)).toList())
                .setDisclosedAt(at)
                .build();
    }

    /** The categories the incident has content in. */
    private static List<DataCategory> withContent(IncidentReported incident) {
        List<DataCategory> present = new ArrayList<>(List.of(DataCategory.OPERATIONAL));
        if (!incident.getIndicators().isEmpty()) {
            present.add(DataCategory.INDICATORS);
        }
        if (incident.getPersonalData() != null) {
            present.add(DataCategory.PERSONAL_DATA);
        }
        return present;
    }

    /** Adds the category to disclosed or withheld when the incident has content in it. */
    private static boolean release(DataCategory category, List<DataCategory> present, EffectiveTerms terms,
            List<WithheldCategory> withheld, List<DataCategory> disclosed) {
        if (!present.contains(category)) {
            return false;
        }
        if (terms.allowed().contains(category)) {
            disclosed.add(category);
            return true;
        }
        withheld.add(new WithheldCategory(category, terms.withholdingReasons().get(category)));
        return false;
    }

    private static List<Deadline> deadlines(EffectiveTerms terms, Instant issuedAt) {
        return terms.commitments().values().stream()
                .sorted(Comparator.comparing(Commitment::getKind))
                .map(commitment -> {
                    Instant due = issuedAt.plusMillis(commitment.getWithinMillis());
                    return new Deadline(commitment.getKind(), due, due.plusMillis(EffectiveTerms.graceMillis(commitment)));
                })
                .toList();
    }
}
