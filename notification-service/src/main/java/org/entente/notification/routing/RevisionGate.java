package org.entente.notification.routing;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.entente.events.AgreementRef;
import org.entente.events.IncidentReported;
import org.entente.events.IncidentRevisionSeen;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.InvalidEventException;

/**
 * Which revisions of an incident may leave, judged at egress against what was routed of it
 * before: a revision not above the highest routed is a duplicate; a higher one may raise the
 * label, never lower it, and must come from the state that reported the incident and stay in the
 * incident's world (real traffic or its exercise). Intake checks the same for its callers, but
 * two updates can race past its check, and the incident topic has another writer, the exercise
 * replay, which intake never sees.
 * <p>
 * A revision may reach more partners than the one before, or fewer (a raised label, named
 * recipients, an agreement ended): each partner left out is told to the ledger, never dropped
 * silently.
 */
public final class RevisionGate {

    private RevisionGate() {
    }

    /**
     * Whether to route {@code incident}, given what was routed of it before ({@code null} when
     * nothing was): false for a duplicate, {@link InvalidEventException} when it lowers the label,
     * comes from another state or would move the incident into or out of an exercise.
     */
    public static boolean admits(IncidentRevisionSeen routed, IncidentReported incident) {
        if (routed == null) {
            return true;
        }
        if (incident.getRevision() <= routed.getRevision()) {
            return false;
        }
        EventChecks.labelNotLowered(routed.getTlp(), incident);
        if (routed.getReportingState() != null) {
            InvalidEventException.require(routed.getReportingState().equals(incident.getReportingState()),
                    "revision " + incident.getRevision() + " comes from " + incident.getReportingState() + ", but "
                            + routed.getReportingState() + " reported the incident");
            String exerciseId = incident.getMetadata().getExerciseId();
            InvalidEventException.require(Objects.equals(routed.getExerciseId(), exerciseId),
                    "revision " + incident.getRevision() + " belongs to " + world(exerciseId) + ", the incident to "
                            + world(routed.getExerciseId()));
        }
        return true;
    }

    /**
     * The partners the revision before reached that {@code reached} leaves out, each with the
     * agreement of the alert it had; none when nothing was routed before.
     */
    public static Map<String, AgreementRef> noLongerReached(IncidentRevisionSeen routed, Set<String> reached) {
        Map<String, AgreementRef> left = new TreeMap<>();
        if (routed != null) {
            routed.getRecipients().forEach((recipient, agreement) -> {
                if (!reached.contains(recipient)) {
                    left.put(recipient, agreement);
                }
            });
        }
        return left;
    }

    /** What to remember of a revision once routed to {@code reached} (recipient state → governing agreement). */
    public static IncidentRevisionSeen routed(IncidentReported incident, Map<String, AgreementRef> reached) {
        return new IncidentRevisionSeen(incident.getRevision(), incident.getTlp(), incident.getReportingState(),
                incident.getMetadata().getExerciseId(), new TreeMap<>(reached));
    }

    private static String world(String exerciseId) {
        return exerciseId == null ? "real traffic" : "exercise " + exerciseId;
    }
}
