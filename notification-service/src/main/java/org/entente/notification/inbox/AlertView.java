package org.entente.notification.inbox;

import java.time.Instant;
import java.util.List;

import org.entente.events.AlertIssued;
import org.entente.events.AlertLifecycle;
import org.entente.events.CommitmentKind;
import org.entente.notification.lifecycle.LifecycleRules;
import org.entente.platform.api.PersonalDataSection;
import org.entente.schemas.Labels;

/**
 * An alert as its recipient reads it: only the fields its agreement let through, what was
 * withheld and why, the deadlines with their outcomes, and the timeline. Never who else received it.
 * {@code incidentRevision} 0 is the report; n the n-th update of it, an alert of its own.
 */
public record AlertView(
        String id,
        String incidentId,
        int incidentRevision,
        String status,
        boolean exercise,
        String reportingState,
        String agreement,
        int agreementVersion,
        String contact,
        int escalationLevel,
        Instant issuedAt,
        Instant detectedAt,
        String sector,
        String incidentClass,
        String severity,
        String tlp,
        String title,
        String summary,
        List<String> affectedStates,
        List<String> indicators,
        PersonalDataSection personalData,
        List<Withheld> withheld,
        List<DeadlineView> deadlines,
        List<TimelineView> timeline) {

    record Withheld(String category, String reason) {
    }

    record DeadlineView(String commitment, Instant dueAt, Instant missedAt, Instant fulfilledAt, String outcome) {
    }

    record TimelineView(Instant at, String what, String detail) {
    }

    public static AlertView of(AlertLifecycle state) {
        AlertIssued alert = state.getIssued();
        return new AlertView(
                alert.getAlertId(),
                alert.getIncidentId(),
                alert.getIncidentRevision(),
                status(state),
                alert.getMetadata().getExerciseId() != null,
                alert.getReportingState(),
                alert.getAgreement().getAgreementId(),
                alert.getAgreement().getVersion(),
                state.getContactId(),
                state.getEscalationLevel(),
                alert.getIssuedAt(),
                alert.getDetectedAt(),
                Labels.of(alert.getSector()),
                Labels.of(alert.getIncidentClass()),
                Labels.of(alert.getSeverity()),
                Labels.of(alert.getTlp()),
                alert.getTitle(),
                alert.getSummary(),
                alert.getAffectedStates(),
                alert.getIndicators(),
                PersonalDataSection.of(alert.getPersonalData()),
                alert.getWithheld().stream().map(w -> new Withheld(Labels.of(w.getCategory()), w.getReason())).toList(),
                LifecycleRules.deadlines(state).stream().map(d -> new DeadlineView(Labels.of(d.getKind()), d.getDueAt(), d.getMissedAt(),
                        state.getFulfilments().stream().filter(f -> f.getKind() == d.getKind()).map(f -> f.getAt()).findFirst().orElse(null),
                        state.getOutcomes().stream().filter(o -> o.getKind() == d.getKind()).map(o -> Labels.of(o.getResult())).findFirst().orElse(null)))
                        .toList(),
                state.getTimeline().stream().map(t -> new TimelineView(t.getAt(), t.getWhat(), t.getDetail())).toList());
    }

    /** delivered, escalated (unacknowledged past its deadline) or acknowledged. */
    static String status(AlertLifecycle state) {
        if (state.getFulfilments().stream().anyMatch(f -> f.getKind() == CommitmentKind.ACKNOWLEDGE)) {
            return "acknowledged";
        }
        return state.getEscalationLevel() > 0 ? "escalated" : "delivered";
    }
}
