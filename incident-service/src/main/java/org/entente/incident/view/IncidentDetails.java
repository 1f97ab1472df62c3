package org.entente.incident.view;

import java.time.Instant;
import java.util.List;

import org.entente.events.IncidentReported;
import org.entente.platform.api.PersonalDataSection;
import org.entente.schemas.Labels;

/** An incident as its own reporting state reads it back, at its latest revision, personal data included. */
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
        List<String> namedRecipients,
        int revision) {

    static IncidentDetails of(IncidentReported incident) {
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
                PersonalDataSection.of(incident.getPersonalData()),
                incident.getAffectedStates(),
                incident.getNamedRecipients(),
                incident.getRevision());
    }
}
