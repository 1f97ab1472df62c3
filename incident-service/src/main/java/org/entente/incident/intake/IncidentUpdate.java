package org.entente.incident.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.entente.events.EventMetadata;
import org.entente.events.IncidentReported;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.entente.platform.states.KnownStates;
import org.entente.schemas.Labels;

/**
 * A valid update of an incident, and the next revision it makes. Its values are checked as intake
 * checks a report's ({@link IncidentReportValidator}); the rules that depend on the incident as it
 * stands are checked when it is applied: a TLP label is only ever raised, named recipients only
 * narrowed, and TLP:RED needs named recipients. A null field leaves the incident as it is.
 */
record IncidentUpdate(Tlp tlp, Severity severity, String summary, List<String> indicators, List<String> namedRecipients) {

    static final String FIELDS = "tlp, severity, summary, indicators, namedRecipients";

    /**
     * The update a request asks for; {@link InvalidRequestException} naming every bad field
     * otherwise. The states it names must be among {@code states}.
     */
    static IncidentUpdate of(IncidentUpdateRequest request, KnownStates states) {
        List<FieldViolation> violations = new ArrayList<>();
        Tlp tlp = request.tlp() == null ? null
                : IncidentReportValidator.label(violations, "tlp", request.tlp(), Tlp.class).orElse(null);
        Severity severity = request.severity() == null ? null
                : IncidentReportValidator.label(violations, "severity", request.severity(), Severity.class).orElse(null);
        if (request.summary() != null) {
            IncidentReportValidator.text(violations, "summary", request.summary(), IncidentReportValidator.MAX_SUMMARY, true);
        }
        List<String> indicators = request.indicators() == null ? null
                : IncidentReportValidator.items(violations, "indicators", request.indicators());
        List<String> namedRecipients = request.namedRecipients() == null ? null
                : IncidentReportValidator.stateCodes(states, violations, "namedRecipients", request.namedRecipients());
        if (request.equals(new IncidentUpdateRequest(null, null, null, null, null))) {
            violations.add(new FieldViolation("body", "must carry at least one of " + FIELDS));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new IncidentUpdate(tlp, severity, request.summary() == null ? null : request.summary().strip(), indicators,
                namedRecipients);
    }

    /**
     * The next revision of {@code current}, stamped with {@code metadata}: its whole content, this
     * update applied. {@code current} itself when the update changes nothing (a retried update),
     * so that nothing new is shared. {@link UpdateConflictException} when the update would lower
     * the label or widen the named recipients; {@link InvalidRequestException} when the result
     * breaks a rule of intake.
     */
    IncidentReported applyTo(IncidentReported current, EventMetadata metadata) {
        Tlp nextTlp = tlp == null ? current.getTlp() : tlp;
        if (nextTlp.compareTo(current.getTlp()) < 0) {
            throw new UpdateConflictException(UpdateConflictException.Rule.TLP_LOWERED, "The incident is TLP:"
                    + Labels.of(current.getTlp()) + ". A label can only be raised, never lowered: TLP:" + Labels.of(tlp)
                    + " is refused.");
        }
        List<String> nextRecipients = narrowedRecipients(current.getNamedRecipients());
        List<String> nextIndicators = new ArrayList<>(current.getIndicators());
        if (indicators != null) {
            indicators.stream().filter(indicator -> !nextIndicators.contains(indicator)).forEach(nextIndicators::add);
        }
        List<FieldViolation> violations = new ArrayList<>();
        IncidentReportValidator.recipients(violations, nextTlp, nextRecipients, current.getReportingState());
        if (nextIndicators.size() > IncidentReportValidator.MAX_LIST_ITEMS) {
            violations.add(new FieldViolation("indicators", "would give the incident more than "
                    + IncidentReportValidator.MAX_LIST_ITEMS + " entries"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        IncidentReported updated = IncidentReported.newBuilder(current)
                .setTlp(nextTlp)
                .setSeverity(severity == null ? current.getSeverity() : severity)
                .setSummary(summary == null ? current.getSummary() : summary)
                .setIndicators(nextIndicators)
                .setNamedRecipients(nextRecipients)
                .build();
        if (updated.equals(current)) {
            return current;
        }
        return IncidentReported.newBuilder(updated)
                .setMetadata(metadata)
                .setRevision(current.getRevision() + 1)
                .build();
    }

    /** The recipients after this update: a subset of the current ones, or any list when none were named. */
    private List<String> narrowedRecipients(List<String> current) {
        if (namedRecipients == null || Set.copyOf(namedRecipients).equals(Set.copyOf(current))) {
            return current;
        }
        if (current.isEmpty()) {
            return namedRecipients;
        }
        List<String> added = namedRecipients.stream().filter(state -> !current.contains(state)).toList();
        if (!added.isEmpty() || namedRecipients.isEmpty()) {
            throw new UpdateConflictException(UpdateConflictException.Rule.RECIPIENTS_WIDENED, "The incident is named to "
                    + String.join(", ", current) + " only. Named recipients can only be narrowed: "
                    + (added.isEmpty() ? "an empty list would lift the restriction" : "adding " + String.join(", ", added)
                            + " is refused") + ".");
        }
        return namedRecipients;
    }
}
