package org.entente.exercise.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.entente.events.AgreementRef;
import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;
import org.entente.events.AlertIssued;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.DisclosureRecorded;
import org.entente.exercise.report.Observed;

/**
 * What the replay has seen of its exercise, kept as the pipeline wrote it and turned into the
 * report's {@link Observed} events in scenario time at the end. Alerts are told apart by inject
 * and recipient state.
 */
final class ObservationLog {

    /** Report order: by scenario time, then by kind of event, inject and state, so equal runs give equal reports. */
    private static final Comparator<Observed> ORDER = Comparator.comparing(Observed::at)
            .thenComparing(event -> event.getClass().getSimpleName())
            .thenComparing(Observed::inject)
            .thenComparing(Observed::state)
            .thenComparing(Object::toString);

    private final Instant start;
    private final Map<String, String> injectOfIncident;
    private final List<Observed> injects = new ArrayList<>();
    private final Map<String, AlertIssued> issued = new LinkedHashMap<>();
    private final Map<String, Instant> delivered = new HashMap<>();
    private final Map<String, DisclosureRecorded> disclosures = new HashMap<>();
    private final Map<String, Map<Integer, AlertEscalated>> escalations = new HashMap<>();
    private final List<AlertAcknowledged> acknowledgements = new ArrayList<>();
    private final List<CommitmentOutcomeRecorded> outcomes = new ArrayList<>();

    ObservationLog(Instant start, Map<String, String> injectOfIncident) {
        this.start = start;
        this.injectOfIncident = injectOfIncident;
    }

    void injectSent(Duration at, String inject, String reportingState) {
        injects.add(new Observed.InjectSent(at, inject, reportingState));
    }

    /** Records the events; returns the alerts delivered among them. */
    List<AlertIssued> add(List<SpecificRecord> events) {
        List<AlertIssued> newlyDelivered = new ArrayList<>();
        for (SpecificRecord event : events) {
            if (event instanceof AlertIssued alert) {
                issued.putIfAbsent(alert.getAlertId(), alert);
            } else if (event instanceof AlertDelivered delivery && delivered.putIfAbsent(delivery.getAlertId(),
                    delivery.getDeliveredAt()) == null) {
                newlyDelivered.add(issued.get(delivery.getAlertId()));
            } else if (event instanceof DisclosureRecorded disclosure) {
                disclosures.putIfAbsent(disclosure.getAlertId(), disclosure);
            } else if (event instanceof AlertEscalated escalation) {
                escalations.computeIfAbsent(escalation.getAlertId(), id -> new HashMap<>())
                        .putIfAbsent(escalation.getLevel(), escalation);
            } else if (event instanceof AlertAcknowledged acknowledgement) {
                acknowledgements.add(acknowledgement);
            } else if (event instanceof CommitmentOutcomeRecorded outcome) {
                outcomes.add(outcome);
            }
        }
        return newlyDelivered;
    }

    Instant deliveredAt(String alertId) {
        return delivered.get(alertId);
    }

    String injectOf(AlertIssued alert) {
        return injectOfIncident.get(alert.getIncidentId());
    }

    List<Observed> observed() {
        List<Observed> all = new ArrayList<>(injects);
        issued.values().forEach(alert -> all.add(issuedOf(alert)));
        escalations.values().forEach(levels -> levels.values().forEach(escalation -> all.add(new Observed.Escalated(
                since(escalation.getEscalatedAt()), injectOf(issued.get(escalation.getAlertId())), escalation.getRecipientState(),
                escalation.getLevel(), escalation.getContactId()))));
        for (AlertAcknowledged acknowledgement : acknowledgements) {
            AlertIssued alert = issued.get(acknowledgement.getAlertId());
            all.add(new Observed.Acknowledged(since(acknowledgement.getAcknowledgedAt()), injectOf(alert),
                    alert.getRecipientState(), acknowledgement.getAcknowledgedBy()));
        }
        for (CommitmentOutcomeRecorded outcome : outcomes) {
            all.add(new Observed.CommitmentOutcome(since(outcome.getMetadata().getOccurredAt()),
                    injectOfIncident.get(outcome.getIncidentId()), outcome.getRecipientState(), outcome.getKind(),
                    outcome.getResult(), since(outcome.getDueAt())));
        }
        all.sort(ORDER);
        return all;
    }

    private Observed issuedOf(AlertIssued alert) {
        DisclosureRecorded disclosure = disclosures.get(alert.getAlertId());
        return new Observed.AlertIssued(since(alert.getIssuedAt()), injectOf(alert), alert.getRecipientState(),
                agreement(alert.getAgreement()), alert.getCoveringAgreements().stream().map(ObservationLog::agreement).toList(),
                disclosure.getDisclosed(),
                disclosure.getWithheld().stream().map(w -> new Observed.Withheld(w.getCategory(), w.getReason())).toList());
    }

    private Duration since(Instant at) {
        return Duration.between(start, at);
    }

    private static Observed.Agreement agreement(AgreementRef ref) {
        return new Observed.Agreement(ref.getAgreementId(), ref.getVersion());
    }
}
