package org.entente.notification.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.entente.events.Agreement;
import org.entente.events.AgreementStatus;
import org.entente.events.IncidentReported;
import org.entente.events.Tlp;

/**
 * Decides who receives an incident: exactly the states that an active, valid agreement with the
 * reporter covers for this incident's sector, class, severity and TLP label; if the reporter
 * named recipients, only those (and TLP:RED goes to named recipients only); never the reporter.
 */
public final class Router {

    private Router() {
    }

    /**
     * One route per recipient state, in state-code order. Agreements are grouped by party in one
     * pass, and recipients covered by the same agreements share their terms, worked out once.
     */
    public static List<Route> route(IncidentReported incident, Collection<Agreement> agreements) {
        Map<String, List<Agreement>> coveringByRecipient = new TreeMap<>();
        for (Agreement agreement : agreements) {
            if (covers(agreement, incident)) {
                agreement.getParties().forEach(party -> coveringByRecipient.computeIfAbsent(party, p -> new ArrayList<>()).add(agreement));
            }
        }
        coveringByRecipient.remove(incident.getReportingState());
        if (!incident.getNamedRecipients().isEmpty() || incident.getTlp() == Tlp.RED) {
            coveringByRecipient.keySet().retainAll(incident.getNamedRecipients());
        }
        Map<List<String>, EffectiveTerms> termsByAgreements = new HashMap<>();
        return coveringByRecipient.entrySet().stream()
                .map(covering -> new Route(covering.getKey(), termsByAgreements.computeIfAbsent(
                        covering.getValue().stream().map(a -> a.getAgreementId() + "/" + a.getVersion()).toList(),
                        ids -> EffectiveTerms.combine(covering.getValue()))))
                .toList();
    }

    /**
     * When this revision of the incident is shared, so when agreements must be valid and its alerts
     * are issued: the report time for the report, the update's own time for an update.
     */
    public static Instant sharedAt(IncidentReported incident) {
        return incident.getRevision() == 0 ? incident.getReportedAt() : incident.getMetadata().getOccurredAt();
    }

    static boolean covers(Agreement agreement, IncidentReported incident) {
        Instant at = sharedAt(incident);
        return agreement.getStatus() == AgreementStatus.ACTIVE
                && !at.isBefore(agreement.getValidFrom())
                && (agreement.getValidUntil() == null || at.isBefore(agreement.getValidUntil()))
                && agreement.getParties().contains(incident.getReportingState())
                && agreement.getSectors().contains(incident.getSector())
                && agreement.getIncidentClasses().contains(incident.getIncidentClass())
                && incident.getSeverity().compareTo(agreement.getMinimumSeverity()) >= 0
                && incident.getTlp().compareTo(agreement.getMaxTlp()) <= 0;
    }
}
