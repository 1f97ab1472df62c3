package org.entente.incident.view;

import java.util.Optional;

import org.entente.events.IncidentReported;

/** The incidents reported so far, as the view holds them: what intake asks before it publishes a report or an update. */
public interface ReportedIncidents {

    /** The incident with this id as first reported (revision 0), if the reporting state reported it; another state's is absent. */
    Optional<IncidentReported> find(String reportingState, String incidentId);

    /** The latest revision of the incident with this id that the view holds; as {@link #find}, another state's is absent. */
    Optional<IncidentReported> current(String reportingState, String incidentId);
}
