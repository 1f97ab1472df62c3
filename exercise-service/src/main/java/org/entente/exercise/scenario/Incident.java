package org.entente.exercise.scenario;

import java.time.Duration;
import java.util.List;

import org.entente.events.IncidentClass;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;

/**
 * What an inject reports: the fields of {@code POST /api/v1/incidents}, with the detection time
 * given relative to the inject.
 *
 * @param detectedBefore how long before the report the incident was detected
 * @param personalData {@code null} when the report carries none
 */
public record Incident(
        Duration detectedBefore,
        Sector sector,
        IncidentClass incidentClass,
        Severity severity,
        Tlp tlp,
        String title,
        String summary,
        List<String> indicators,
        PersonalData personalData,
        List<String> affectedStates,
        List<String> namedRecipients) {

    /** The clearly separated personal-data section; {@code notes} may be {@code null}. */
    public record PersonalData(List<String> names, List<String> emailAddresses, List<String> accountIdentifiers,
            String notes) {
    }
}
