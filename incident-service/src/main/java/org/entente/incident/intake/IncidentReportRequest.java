package org.entente.incident.intake;

import java.time.Instant;
import java.util.List;

import org.entente.platform.api.PersonalDataSection;

/**
 * What a point of contact sends to report an incident. The reporting state and reporter are not
 * here: they come from the caller's credentials. Enum-like fields carry labels (see Labels).
 */
public record IncidentReportRequest(
        Instant detectedAt,
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
}
