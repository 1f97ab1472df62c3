package org.entente.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.entente.events.AlertDelivered;
import org.entente.events.AlertIssued;
import org.entente.events.IncidentReported;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.Topics;
import org.entente.testing.process.Broker;
import tools.jackson.databind.JsonNode;

/**
 * Counts one scenario's alerts exactly.
 * <ul>
 * <li><b>sent</b>: reports the intake accepted (202); <b>refused</b>: reports it answered
 * otherwise (503, no answer), against the number the scenario allows ({@link Reports});</li>
 * <li><b>expected</b>: one alert per (incident, recipient) the fixture's agreements call for, for
 * every incident the intake accepted (202) and every incident of the scenario found on
 * {@code incident.events.v1} (a report refused with 503 that was stored all the same is owed too);</li>
 * <li><b>delivered</b>: expected alerts that are both on {@code alert.events.v1} as
 * {@code AlertIssued} (read_committed) and in the recipient's inbox ({@code GET /api/v1/alerts});</li>
 * <li><b>duplicates</b>: {@code AlertIssued} records beyond the number expected for their alert id
 * (one; two for an alert whose incident a replay from offset 0 processed again), more than one
 * {@code AlertDelivered} for an alert id, and an alert id listed twice in one inbox answer;</li>
 * <li><b>lost</b>: expected minus delivered.</li>
 * </ul>
 * Anything else that is wrong (an alert to a state no agreement names, an accepted report missing
 * from the topic) is a problem that fails the scenario with the line. {@link Result#failures()} is
 * the one rule every scenario is judged by: a count of nothing (no report accepted, no alert owed)
 * fails too, as do more refusals than the scenario allows.
 */
final class AlertCount implements AutoCloseable {

    /** An incident the scenario owes alerts for, as its reporter knows it. */
    record Owed(String incidentId, String reportingState, String sector) {
    }

    private final FaultCluster cluster;
    private final String tag;
    private final TopicReader incidentTopic;
    private final TopicReader alertTopic;
    private final Map<String, Owed> owed = new LinkedHashMap<>();
    private final Map<String, TopicReader.Read> incidentsOnTopic = new HashMap<>();
    private final Map<String, Integer> issuedCopies = new HashMap<>();
    private final Map<String, Integer> deliveredCopies = new HashMap<>();
    private final Map<String, String> unexpected = new HashMap<>();
    private final Map<String, AlertIssued> issued = new HashMap<>();
    private int differingCopies;

    AlertCount(FaultCluster cluster, String tag) {
        this.cluster = cluster;
        this.tag = tag;
        this.incidentTopic = new TopicReader(cluster.bootstrapServers(), Topics.INCIDENTS.name());
        this.alertTopic = new TopicReader(cluster.bootstrapServers(), Topics.ALERTS.name());
    }

    static String alertId(String incidentId, String recipientState) {
        return EventMetadataFactory.derivedId(incidentId + "/" + recipientState);
    }

    void owe(List<Traffic.Report> reports) {
        reports.forEach(report -> owe(new Owed(report.incidentId(), report.reportingState(), "energy")));
    }

    void owe(Owed incident) {
        owed.put(incident.incidentId(), incident);
    }

    /** The scenario's incidents found on incident.events.v1, by id: partition and offset included. */
    Map<String, TopicReader.Read> incidentsOnTopic() {
        refreshTopics();
        return Map.copyOf(incidentsOnTopic);
    }

    /** What the intake answered a scenario's reports, and how many refusals the scenario allows. */
    record Reports(long sent, long refused, long allowedRefusals) {

        /** The traffic's answers, allowing {@code refusalShare} (0 to 1) of its reports to be refused, rounded down. */
        static Reports of(Traffic traffic, double refusalShare) {
            long sent = traffic.accepted().size();
            long refused = traffic.refused();
            return new Reports(sent, refused, (long) Math.floor(refusalShare * (sent + refused)));
        }
    }

    /** The result of the scenario: one line, and what is wrong beyond the numbers. */
    record Result(String scenario, Reports reports, int expected, int delivered, int duplicates, int lost, List<String> problems) {

        /** A scenario that stopped before it could count. */
        static Result aborted(String scenario, String problem) {
            return new Result(scenario, new Reports(0, 0, 0), 0, 0, 0, 0, List.of(problem));
        }

        String line() {
            return "%s: sent %d, expected %d, delivered %d, duplicates %d, lost %d, refused %d (allowed %d)"
                    .formatted(scenario, reports.sent(), expected, delivered, duplicates, lost, reports.refused(),
                            reports.allowedRefusals());
        }

        /** Why the scenario fails, numbers first, then its problems; empty when every alert owed was delivered once. */
        List<String> failures() {
            List<String> failures = new ArrayList<>();
            if (reports.sent() <= 0) {
                failures.add("the intake accepted no report");
            }
            if (expected <= 0) {
                failures.add("no alert was owed");
            }
            if (reports.refused() > reports.allowedRefusals()) {
                failures.add("the intake refused %d reports, %d allowed".formatted(reports.refused(), reports.allowedRefusals()));
            }
            if (delivered != expected || lost != 0) {
                failures.add("%d of %d alerts lost".formatted(lost, expected));
            }
            if (duplicates != 0) {
                failures.add(duplicates + " duplicates");
            }
            failures.addAll(problems);
            return failures;
        }

        boolean exact() {
            return failures().isEmpty();
        }
    }

    /**
     * Reads topics and inboxes until every expected alert is delivered and nothing is amiss (an
     * inbox still restoring, a replay still re-emitting), then once more a few seconds later so
     * that late duplicates show; or until {@code timeout}. Returns the last count.
     */
    Result settle(String scenario, Reports reports, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Result result = count(scenario, reports);
            boolean complete = result.delivered() == result.expected() && result.problems().isEmpty();
            if (complete) {
                Broker.sleep(3_000);
                return count(scenario, reports);
            }
            if (Instant.now().isAfter(deadline)) {
                return result;
            }
            Broker.sleep(1_000);
        }
    }

    private void refreshTopics() {
        String prefix = Traffic.TITLE_PREFIX + tag + " #";
        for (TopicReader.Read read : incidentTopic.catchUp()) {
            if (read.event() instanceof IncidentReported incident && incident.getTitle().startsWith(prefix)) {
                incidentsOnTopic.put(incident.getIncidentId(), read);
            }
        }
        Set<String> expectedIds = expectedAlerts().keySet();
        for (TopicReader.Read read : alertTopic.catchUp()) {
            if (read.event() instanceof AlertIssued alert) {
                if (expectedIds.contains(alert.getAlertId())) {
                    issuedCopies.merge(alert.getAlertId(), 1, Integer::sum);
                    AlertIssued first = issued.putIfAbsent(alert.getAlertId(), alert);
                    if (first != null && !first.equals(alert)) {
                        differingCopies++;
                    }
                } else if (incidentsOnTopic.containsKey(alert.getIncidentId()) || owed.containsKey(alert.getIncidentId())) {
                    unexpected.put(alert.getAlertId(), alert.getIncidentId() + " -> " + alert.getRecipientState());
                }
            } else if (read.event() instanceof AlertDelivered delivered && expectedIds.contains(delivered.getAlertId())) {
                deliveredCopies.merge(delivered.getAlertId(), 1, Integer::sum);
            }
        }
    }

    /** Expected alert id → recipient state. */
    private Map<String, String> expectedAlerts() {
        Map<String, Owed> incidents = new LinkedHashMap<>(owed);
        incidentsOnTopic.forEach((id, read) -> {
            IncidentReported incident = (IncidentReported) read.event();
            incidents.putIfAbsent(id, new Owed(id, incident.getReportingState(),
                    org.entente.schemas.Labels.of(incident.getSector())));
        });
        Map<String, String> alerts = new LinkedHashMap<>();
        incidents.values().forEach(incident -> FaultCluster.recipients(incident.reportingState(), incident.sector())
                .forEach(recipient -> alerts.put(alertId(incident.incidentId(), recipient), recipient)));
        return alerts;
    }

    private Result count(String scenario, Reports reports) {
        refreshTopics();
        Map<String, String> expected = expectedAlerts();
        List<String> problems = new ArrayList<>();
        int duplicates = 0;
        for (int copies : issuedCopies.values()) {
            duplicates += Math.max(0, copies - 1);
        }
        for (int copies : deliveredCopies.values()) {
            duplicates += Math.max(0, copies - 1);
        }
        Set<String> inInbox = new HashSet<>();
        boolean topicComplete = expected.keySet().stream().allMatch(issuedCopies::containsKey);
        if (topicComplete) {
            for (String state : new TreeSet<>(expected.values())) {
                for (String instance : cluster.notificationUrls()) {
                    Set<String> seen = new HashSet<>();
                    List<JsonNode> inbox;
                    try {
                        inbox = cluster.api().inbox(instance, state);
                    } catch (RuntimeException unavailable) {
                        // A view still restoring answers 503: count it as not delivered yet, ask again.
                        problems.add("inbox of " + state + " at " + instance + " unreadable: " + unavailable.getMessage());
                        continue;
                    }
                    for (JsonNode alert : inbox) {
                        String id = alert.get("id").asString();
                        if (!expected.containsKey(id)) {
                            continue;
                        }
                        if (!seen.add(id)) {
                            duplicates++;
                        }
                        inInbox.add(id);
                    }
                }
            }
        }
        int delivered = (int) expected.keySet().stream().filter(issuedCopies::containsKey).filter(inInbox::contains).count();
        long notOnTopic = owed.keySet().stream().filter(id -> !incidentsOnTopic.containsKey(id)).count();
        if (notOnTopic > 0) {
            problems.add(notOnTopic + " accepted reports are not on " + Topics.INCIDENTS.name());
        }
        if (!unexpected.isEmpty()) {
            problems.add(unexpected.size() + " alerts to states no agreement names, e.g. " + unexpected.values().iterator().next());
        }
        long issuedNotDelivered = expected.keySet().stream().filter(issuedCopies::containsKey)
                .filter(id -> !deliveredCopies.containsKey(id)).count();
        if (topicComplete && issuedNotDelivered > 0) {
            problems.add(issuedNotDelivered + " issued alerts have no AlertDelivered");
        }
        if (differingCopies > 0) {
            problems.add(differingCopies + " AlertIssued copies differ from the first record of their alert id");
        }
        long missingOnTopic = expected.keySet().stream().filter(id -> !issuedCopies.containsKey(id)).count();
        if (missingOnTopic > 0) {
            problems.add(missingOnTopic + " expected alerts never issued on " + Topics.ALERTS.name());
        }
        return new Result(scenario, reports, expected.size(), delivered, duplicates, expected.size() - delivered, problems);
    }

    /** How many alerts have 1, 2, … AlertIssued records on the topic. */
    Map<Integer, Long> issuedCopiesHistogram() {
        Map<Integer, Long> histogram = new java.util.TreeMap<>();
        issuedCopies.values().forEach(copies -> histogram.merge(copies, 1L, Long::sum));
        return histogram;
    }

    /** Incidents of the scenario on the topic that the intake had refused (503 or no answer). */
    long storedDespiteRefusal() {
        return incidentsOnTopic.keySet().stream().filter(id -> !owed.containsKey(id)).count();
    }

    @Override
    public void close() {
        incidentTopic.close();
        alertTopic.close();
    }
}
