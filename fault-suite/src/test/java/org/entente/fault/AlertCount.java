package org.entente.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;
import org.entente.events.AlertIssued;
import org.entente.events.DisclosureRecorded;
import org.entente.events.IncidentReported;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.Labels;
import org.entente.schemas.Topics;
import org.entente.testing.process.Broker;
import tools.jackson.databind.JsonNode;

/**
 * Counts one scenario's alerts exactly, and beside them what each alert owes.
 * <ul>
 * <li><b>sent</b>: reports the intake accepted (202); <b>refused</b>: reports it answered
 * otherwise (503, no answer), against the number the scenario allows ({@link Reports});</li>
 * <li><b>expected</b>: one alert per (incident, recipient) the fixture's agreements call for, for
 * every incident the intake accepted (202) and every incident of the scenario found on
 * {@code incident.events.v1} (a report refused with 503 that was stored all the same is owed too);</li>
 * <li><b>delivered</b>: expected alerts that are both on {@code alert.events.v1} as
 * {@code AlertIssued} (read_committed) and in the recipient's inbox ({@code GET /api/v1/alerts});</li>
 * <li><b>duplicates</b>: {@code AlertIssued} records beyond one for an alert id (a replay from
 * offset 0 re-issues nothing either), more than one {@code AlertDelivered} for an alert id, and
 * an alert id listed twice in one inbox answer;</li>
 * <li><b>lost</b>: expected minus delivered.</li>
 * </ul>
 * Beside the alerts, each a {@link Tally} of what was owed, what was found and the copies beyond
 * one:
 * <ul>
 * <li><b>ledger</b>: per expected alert, its {@code DisclosureRecorded} on
 * {@code disclosure.ledger.v1} (read_committed) that oversight also finds in the ledger
 * ({@code GET /api/v1/ledger/disclosures}); a second record for an alert id is a duplicate;</li>
 * <li><b>webhooks</b>: one accepted call of the suite's receiver ({@link WebhookReceiver}) per
 * event that puts an alert to {@value WebhookReceiver#STATE} before a contact: its
 * {@code AlertDelivered} (to the primary contact) and, if it escalates, its {@code AlertEscalated}
 * (to the backup), matched by {@code Entente-Event-Id} and contact. A further accepted call for
 * the same event is <b>repeated</b>: delivery is at least once, so a scenario whose fault can cost
 * the dispatcher its offsets allows repeats ({@link Scenario#repeatedCallsAllowed()}); they are
 * counted and printed all the same;</li>
 * <li><b>escalations</b>: per expected alert that escalates ({@link FaultCluster#escalates}), its
 * {@code AlertEscalated} on the alert topic, with the recipient's inbox showing the alert
 * escalated; a second record is a duplicate.</li>
 * </ul>
 * Anything else that is wrong (an alert to a state no agreement names, an accepted report missing
 * from the topic, a ledger entry or escalation no agreement calls for, a webhook call the receiver
 * refused or that matches no event) is a problem that fails the scenario with the line.
 * {@link Result#failures()} is the one rule every scenario is judged by: a count of nothing (no
 * report accepted, no alert owed) fails too, as do more refusals than the scenario allows, and
 * any tally short or with copies it does not allow.
 */
final class AlertCount implements AutoCloseable {

    /** An incident the scenario owes alerts for, as its reporter knows it. */
    record Owed(String incidentId, String reportingState, String sector) {
    }

    /** An alert the scenario owes: to whom, and whether it escalates. */
    private record Expected(String recipient, boolean escalates) {
    }

    /** An event that puts an alert before a contact, so that the contact's webhook is called with the event's id. */
    record Notice(String eventId, String contact) {
    }

    private static final String DELIVERED = "delivered/";
    private static final String ESCALATED = "escalated/";

    private final FaultCluster cluster;
    private final String tag;
    private final TopicReader incidentTopic;
    private final TopicReader alertTopic;
    private final TopicReader ledgerTopic;
    private final Map<String, Owed> owed = new LinkedHashMap<>();
    private final Map<String, TopicReader.Read> incidentsOnTopic = new HashMap<>();
    private final Map<String, AlertIssued> issued = new HashMap<>();
    private final Map<String, Integer> issuedCopies = new HashMap<>();
    private final Map<String, Integer> deliveredCopies = new HashMap<>();
    private final Map<String, Integer> escalationCopies = new HashMap<>();
    private final Map<String, Integer> ledgerCopies = new HashMap<>();
    /** The first delivery and escalation of each alert ({@code delivered/<alert id>}, {@code escalated/<alert id>}). */
    private final Map<String, Notice> notices = new HashMap<>();
    private final Map<String, String> unexpected = new HashMap<>();
    private final Set<String> unexpectedDisclosures = new HashSet<>();
    private Instant firstDisclosure;
    private int differingCopies;

    AlertCount(FaultCluster cluster, String tag) {
        this.cluster = cluster;
        this.tag = tag;
        this.incidentTopic = new TopicReader(cluster.bootstrapServers(), Topics.INCIDENTS.name());
        this.alertTopic = new TopicReader(cluster.bootstrapServers(), Topics.ALERTS.name());
        this.ledgerTopic = new TopicReader(cluster.bootstrapServers(), Topics.DISCLOSURES.name());
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

    /**
     * What is counted beside the alerts: how many were owed, how many of those were found, the
     * copies beyond one ({@code extraKind}: duplicates, or repeated calls) and whether the scenario
     * allows those.
     */
    record Tally(String what, String extraKind, int expected, int found, int extra, boolean extraAllowed) {

        /** Owed: one each of {@code owed}; found: those in {@code found}; extra: their copies in {@code copies} beyond one. */
        static Tally of(String what, String extraKind, Collection<String> owed, Set<String> found, Map<String, Integer> copies,
                boolean extraAllowed) {
            int foundOwed = (int) owed.stream().filter(found::contains).count();
            int extra = owed.stream().mapToInt(id -> Math.max(0, copies.getOrDefault(id, 0) - 1)).sum();
            return new Tally(what, extraKind, owed.size(), foundOwed, extra, extraAllowed);
        }

        String line() {
            return "%s %d/%d (%s %d%s)".formatted(what, found, expected, extraKind, extra, extraAllowed ? ", allowed" : "");
        }

        List<String> failures() {
            List<String> failures = new ArrayList<>();
            if (found != expected) {
                failures.add("%s: %d of %d lost".formatted(what, expected - found, expected));
            }
            if (extra > 0 && !extraAllowed) {
                failures.add("%s: %d %s".formatted(what, extra, extraKind));
            }
            return failures;
        }
    }

    /** The result of the scenario: one line, and what is wrong beyond the numbers. */
    record Result(String scenario, Reports reports, int expected, int delivered, int duplicates, int lost, List<Tally> beside,
            List<String> problems) {

        /** A scenario that stopped before it could count. */
        static Result aborted(String scenario, String problem) {
            return new Result(scenario, new Reports(0, 0, 0), 0, 0, 0, 0, List.of(), List.of(problem));
        }

        /** The same count with more problems. */
        Result with(List<String> more) {
            List<String> all = new ArrayList<>(problems);
            all.addAll(more);
            return new Result(scenario, reports, expected, delivered, duplicates, lost, beside, all);
        }

        String line() {
            String alerts = "%s: sent %d, expected %d, delivered %d, duplicates %d, lost %d, refused %d (allowed %d)"
                    .formatted(scenario, reports.sent(), expected, delivered, duplicates, lost, reports.refused(),
                            reports.allowedRefusals());
            return beside.isEmpty() ? alerts : alerts + "; " + beside.stream().map(Tally::line).collect(Collectors.joining(", "));
        }

        /** Why the scenario fails, numbers first, then its problems; empty when everything owed arrived once (or as allowed). */
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
            beside.forEach(tally -> failures.addAll(tally.failures()));
            failures.addAll(problems);
            return failures;
        }

        boolean exact() {
            return failures().isEmpty();
        }

        /** Every alert, ledger entry, webhook call and escalation owed found, and nothing amiss (yet). */
        boolean complete() {
            return delivered == expected && problems.isEmpty()
                    && beside.stream().allMatch(tally -> tally.found() == tally.expected());
        }
    }

    /**
     * Accepted calls per owed notice (by its slot, e.g. {@code delivered/<alert id>}): those with
     * its event id, to its contact. A notice not on the topic yet (null) has none.
     */
    static Map<String, Integer> acceptedCalls(Map<String, Notice> owedNotices, List<WebhookReceiver.Call> calls) {
        Map<Notice, Integer> accepted = new HashMap<>();
        calls.stream().filter(WebhookReceiver.Call::accepted)
                .forEach(call -> accepted.merge(new Notice(call.eventId(), call.contact()), 1, Integer::sum));
        Map<String, Integer> copies = new HashMap<>();
        owedNotices.forEach((slot, notice) -> copies.put(slot, notice == null ? 0 : accepted.getOrDefault(notice, 0)));
        return copies;
    }

    /**
     * Reads topics, inboxes, the ledger and the receiver's calls until everything owed is found
     * and nothing is amiss (an inbox still restoring, a replay still re-emitting, an escalation not
     * due yet), then once more a few seconds later so that late duplicates show; or until
     * {@code timeout}. Returns the last count.
     */
    Result settle(String scenario, Reports reports, boolean repeatedCallsAllowed, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Result result = count(scenario, reports, repeatedCallsAllowed);
            if (result.complete()) {
                Broker.sleep(3_000);
                return count(scenario, reports, repeatedCallsAllowed);
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
        Map<String, Expected> expected = expectedAlerts();
        for (TopicReader.Read read : alertTopic.catchUp()) {
            if (read.event() instanceof AlertIssued alert) {
                if (expected.containsKey(alert.getAlertId())) {
                    issuedCopies.merge(alert.getAlertId(), 1, Integer::sum);
                    AlertIssued first = issued.putIfAbsent(alert.getAlertId(), alert);
                    if (first != null && !first.equals(alert)) {
                        differingCopies++;
                    }
                } else if (ofScenario(alert.getIncidentId())) {
                    unexpected.put(alert.getAlertId(), alert.getIncidentId() + " -> " + alert.getRecipientState());
                }
            } else if (read.event() instanceof AlertDelivered delivered && expected.containsKey(delivered.getAlertId())) {
                deliveredCopies.merge(delivered.getAlertId(), 1, Integer::sum);
                notices.putIfAbsent(DELIVERED + delivered.getAlertId(),
                        new Notice(delivered.getMetadata().getEventId(), delivered.getContactId()));
            } else if (read.event() instanceof AlertEscalated escalated && expected.containsKey(escalated.getAlertId())) {
                escalationCopies.merge(escalated.getAlertId(), 1, Integer::sum);
                notices.putIfAbsent(ESCALATED + escalated.getAlertId(),
                        new Notice(escalated.getMetadata().getEventId(), escalated.getContactId()));
            }
        }
        for (TopicReader.Read read : ledgerTopic.catchUp()) {
            if (read.event() instanceof DisclosureRecorded disclosure) {
                if (expected.containsKey(disclosure.getAlertId())) {
                    ledgerCopies.merge(disclosure.getAlertId(), 1, Integer::sum);
                    if (firstDisclosure == null || disclosure.getDisclosedAt().isBefore(firstDisclosure)) {
                        firstDisclosure = disclosure.getDisclosedAt();
                    }
                } else if (ofScenario(disclosure.getIncidentId())) {
                    unexpectedDisclosures.add(disclosure.getAlertId());
                }
            }
        }
    }

    private boolean ofScenario(String incidentId) {
        return incidentsOnTopic.containsKey(incidentId) || owed.containsKey(incidentId);
    }

    /** Expected alerts by id. */
    private Map<String, Expected> expectedAlerts() {
        Map<String, Owed> incidents = new LinkedHashMap<>(owed);
        incidentsOnTopic.forEach((id, read) -> {
            IncidentReported incident = (IncidentReported) read.event();
            incidents.putIfAbsent(id, new Owed(id, incident.getReportingState(), Labels.of(incident.getSector())));
        });
        Map<String, Expected> alerts = new LinkedHashMap<>();
        incidents.values().forEach(incident -> FaultCluster.recipients(incident.reportingState(), incident.sector())
                .forEach(recipient -> alerts.put(alertId(incident.incidentId(), recipient), new Expected(recipient,
                        FaultCluster.escalates(incident.reportingState(), incident.sector(), recipient)))));
        return alerts;
    }

    /** What the recipients' inboxes and the ledger show of the expected alerts, from every notification-service instance. */
    private static final class Views {

        final Set<String> inInbox = new HashSet<>();
        final Set<String> escalatedInInbox = new HashSet<>();
        final Set<String> inLedger = new HashSet<>();
        int inboxDuplicates;
    }

    private Views views(Map<String, Expected> expected, List<String> problems) {
        Views views = new Views();
        for (String state : new TreeSet<>(expected.values().stream().map(Expected::recipient).toList())) {
            for (String instance : cluster.notificationUrls()) {
                try {
                    Set<String> seen = new HashSet<>();
                    for (JsonNode alert : cluster.api().inbox(instance, state)) {
                        String id = alert.get("id").asString();
                        if (expected.containsKey(id)) {
                            views.inboxDuplicates += seen.add(id) ? 0 : 1;
                            views.inInbox.add(id);
                            if (alert.get("escalationLevel").asInt() > 0) {
                                views.escalatedInInbox.add(id);
                            }
                        }
                    }
                    if (firstDisclosure != null) {
                        cluster.api().ledger(instance, state, firstDisclosure)
                                .forEach(entry -> views.inLedger.add(entry.get("alertId").asString()));
                    }
                } catch (RuntimeException unavailable) {
                    // A view still restoring answers 503: count it as not there yet, ask again.
                    problems.add("inbox or ledger of " + state + " at " + instance + " unreadable: " + unavailable.getMessage());
                }
            }
        }
        return views;
    }

    private Result count(String scenario, Reports reports, boolean repeatedCallsAllowed) {
        // The receiver's calls first: each was made for an event committed before it, which the topics, read next, hold.
        List<WebhookReceiver.Call> calls = cluster.webhooks().calls();
        refreshTopics();
        Map<String, Expected> expected = expectedAlerts();
        List<String> problems = new ArrayList<>();
        boolean topicComplete = expected.keySet().stream().allMatch(issuedCopies::containsKey);
        Views views = topicComplete ? views(expected, problems) : new Views();
        int duplicates = beyondOne(issuedCopies.values()) + beyondOne(deliveredCopies.values()) + views.inboxDuplicates;
        int delivered = (int) expected.keySet().stream().filter(issuedCopies::containsKey).filter(views.inInbox::contains).count();
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
        List<Tally> beside = List.of(ledger(expected, views, problems), webhooks(expected, calls, repeatedCallsAllowed, problems),
                escalations(expected, views, problems));
        return new Result(scenario, reports, expected.size(), delivered, duplicates, expected.size() - delivered, beside, problems);
    }

    private static int beyondOne(Collection<Integer> copies) {
        return copies.stream().mapToInt(count -> Math.max(0, count - 1)).sum();
    }

    /** One ledger entry per expected alert, on the topic and in what oversight reads. */
    private Tally ledger(Map<String, Expected> expected, Views views, List<String> problems) {
        if (!unexpectedDisclosures.isEmpty()) {
            problems.add(unexpectedDisclosures.size() + " ledger entries for alerts no agreement calls for");
        }
        Set<String> found = expected.keySet().stream().filter(ledgerCopies::containsKey).filter(views.inLedger::contains)
                .collect(Collectors.toSet());
        return Tally.of("ledger", "duplicates", expected.keySet(), found, ledgerCopies, false);
    }

    /** One escalation per expected alert that escalates, on the topic and in the inbox; none for the others. */
    private Tally escalations(Map<String, Expected> expected, Views views, List<String> problems) {
        long wrong = escalationCopies.keySet().stream().filter(id -> !expected.get(id).escalates()).count();
        if (wrong > 0) {
            problems.add(wrong + " alerts escalated that should not have (acknowledged, or a chain of one)");
        }
        List<String> escalating = expected.entrySet().stream().filter(alert -> alert.getValue().escalates()).map(Map.Entry::getKey)
                .toList();
        Set<String> found = escalating.stream().filter(escalationCopies::containsKey).filter(views.escalatedInInbox::contains)
                .collect(Collectors.toSet());
        return Tally.of("escalations", "duplicates", escalating, found, escalationCopies, false);
    }

    /**
     * The webhook calls owed for the alerts to the receiver's state (a delivery each, and an
     * escalation each for those that escalate), against the calls the receiver has taken for the
     * scenario's alerts.
     */
    private Tally webhooks(Map<String, Expected> expected, List<WebhookReceiver.Call> calls, boolean repeatedCallsAllowed,
            List<String> problems) {
        Map<String, Notice> owedNotices = new LinkedHashMap<>();
        expected.forEach((id, alert) -> {
            if (alert.recipient().equals(WebhookReceiver.STATE)) {
                owedNotices.put(DELIVERED + id, notices.get(DELIVERED + id));
                if (alert.escalates()) {
                    owedNotices.put(ESCALATED + id, notices.get(ESCALATED + id));
                }
            }
        });
        List<WebhookReceiver.Call> ofScenario = calls.stream().filter(call -> expected.containsKey(call.alertId())).toList();
        Map<WebhookReceiver.Verdict, Long> refused = ofScenario.stream().filter(call -> !call.accepted())
                .collect(Collectors.groupingBy(WebhookReceiver.Call::verdict, TreeMap::new, Collectors.counting()));
        if (!refused.isEmpty()) {
            problems.add("webhook calls for the scenario's alerts refused by the receiver: " + refused);
        }
        Set<Notice> known = new HashSet<>(owedNotices.values());
        long unmatched = ofScenario.stream().filter(WebhookReceiver.Call::accepted)
                .filter(call -> !known.contains(new Notice(call.eventId(), call.contact()))).count();
        if (unmatched > 0) {
            problems.add(unmatched + " webhook calls for the scenario's alerts match no delivery or escalation "
                    + "(event id and contact)");
        }
        Map<String, Integer> copies = acceptedCalls(owedNotices, ofScenario);
        Set<String> found = copies.entrySet().stream().filter(slot -> slot.getValue() > 0).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return Tally.of("webhooks", "repeated", owedNotices.keySet(), found, copies, repeatedCallsAllowed);
    }

    /** How many alerts have 1, 2, … AlertIssued records on the topic. */
    Map<Integer, Long> issuedCopiesHistogram() {
        Map<Integer, Long> histogram = new TreeMap<>();
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
        ledgerTopic.close();
    }
}
