package org.entente.incident.intake;

import java.util.List;

/**
 * What the reporting state's point of contact sends to update its incident: only what changes.
 * {@code indicators} are added to those already reported; {@code namedRecipients} replaces the
 * list, which may only shrink. Enum-like fields carry labels (see Labels).
 */
public record IncidentUpdateRequest(
        String tlp,
        String severity,
        String summary,
        List<String> indicators,
        List<String> namedRecipients) {
}
