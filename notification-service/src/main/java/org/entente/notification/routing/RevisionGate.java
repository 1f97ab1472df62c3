package org.entente.notification.routing;

import org.entente.events.IncidentReported;
import org.entente.events.IncidentRevisionSeen;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.InvalidEventException;

/**
 * Which revisions of an incident may leave, judged at egress against the highest revision routed
 * before and its label: a revision not above it is a duplicate; a higher one may raise the label,
 * never lower it. Intake checks the same, but two updates can race past its check.
 */
public final class RevisionGate {

    private RevisionGate() {
    }

    /**
     * Whether to route {@code incident}, given what was routed of it before ({@code null} when
     * nothing was): false for a duplicate, {@link InvalidEventException} when it lowers the label.
     */
    public static boolean admits(IncidentRevisionSeen routed, IncidentReported incident) {
        if (routed == null) {
            return true;
        }
        if (incident.getRevision() <= routed.getRevision()) {
            return false;
        }
        EventChecks.labelNotLowered(routed.getTlp(), incident);
        return true;
    }

    /** What to remember of a revision once routed. */
    public static IncidentRevisionSeen routed(IncidentReported incident) {
        return new IncidentRevisionSeen(incident.getRevision(), incident.getTlp());
    }
}
