package org.entente.incident.view;

import java.time.Instant;
import java.util.List;

import org.entente.events.IncidentReported;
import org.entente.events.PersonalData;
import org.entente.schemas.Labels;

/** An incident as its own reporting state reads it back, personal data included. */
record IncidentDetails(
        String id,
        String reportingState,
        String reporter,
        Instant detectedAt,
        Instant reportedAt,
        String sector,
        String incidentClass,
        String severity,
        String tlp,
        String title,
        String summary,
        List<String> indicators,
        PersonalDataSection personalData,
        List<String> affectedStates,
        List<String> namedRecipients) {

    record PersonalDataSection(List<String> names, List<String> emailAddresses, List<String> accountIdentifiers,
            String notes) {
    }

    static IncidentDetails of(IncidentReported incident) {
        PersonalData personal = incident.getPersonalData();
        return new IncidentDetails(
                incident.getIncidentId(),
                incident.getReportingState(),
                incident.getReporter(),
                incident.getDetectedAt(),
                incident.getReportedAt(),
                Labels.of(incident.getSector()),
                Labels.of(incident.getIncidentClass()),
                Labels.of(incident.getSeverity()),
                Labels.of(incident.getTlp()),
                incident.getTitle(),
                incident.getSummary(),
                incident.getIndicators(),
                personal == null ? null : new PersonalDataSection(personal.getNames(), personal.getEmailAddresses(),
                        personal.getAccountIdentifiers(), personal.getNotes()),
                incident.getAffectedStates(),
                incident.getNamedRecipients());
    }
}
