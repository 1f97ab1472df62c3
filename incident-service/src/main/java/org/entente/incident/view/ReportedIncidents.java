package org.entente.incident.view;

import java.util.Optional;

import org.entente.events.IncidentReported;

/** The incidents reported so far, as the view holds them: what intake asks before it publishes a retried report. */
public interface ReportedIncidents {

    /** The incident with this id, if the reporting state reported it; another state's is absent. */
    Optional<IncidentReported> find(String reportingState, String incidentId);
}
