package org.entente.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.entente.events.AlertAcknowledged;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.CommitmentResult;
import org.entente.schemas.Topics;

/**
 * One service at a time runs with its clock five minutes ahead or behind
 * ({@code entente.clock.offset}), and an alert is acknowledged through the API a few seconds after
 * its incident was reported, well within the two-minute deadline of fault-skew-health.
 * <p>
 * What the design gives, asserted exactly: the deadline is the incident's {@code reportedAt}
 * (incident-service's clock) plus two minutes; the acknowledgement's time is notification-service's
 * clock when the API call arrives; the outcome compares the two. A skew <i>between</i> the two
 * services therefore moves the judgement by the skew: notification-service ahead (or
 * incident-service behind) by five minutes makes a prompt acknowledgement LATE; notification-service
 * behind (or incident-service ahead) makes it HONOURED with a negative response time. On a true
 * clock every one of these acknowledgements is honoured. The suite asserts what the design does
 * and writes each case to the scenario's notes; the line counts the alerts.
 */
final class ClockSkew extends Scenario {

    static final Duration SKEW = Duration.ofMinutes(5);
    static final Duration ACKNOWLEDGE_WITHIN = Duration.ofMinutes(2);
    static final int PER_CASE = 2;
    /** Our own clock reads the same system time as the services; allow for scheduling only. */
    static final Duration TOLERANCE = Duration.ofMillis(500);

    enum Case {
        NO_SKEW("no skew", Duration.ZERO, Duration.ZERO, CommitmentResult.HONOURED),
        INCIDENT_AHEAD("incident-service +5m", SKEW, Duration.ZERO, CommitmentResult.HONOURED),
        INCIDENT_BEHIND("incident-service -5m", SKEW.negated(), Duration.ZERO, CommitmentResult.LATE),
        NOTIFICATION_AHEAD("notification-service +5m", Duration.ZERO, SKEW, CommitmentResult.LATE),
        NOTIFICATION_BEHIND("notification-service -5m", Duration.ZERO, SKEW.negated(), CommitmentResult.HONOURED);

        final String label;
        final Duration incidentOffset;
        final Duration notificationOffset;
        /** What the design records: the judgement moves with notification's offset minus incident's. */
        final CommitmentResult judged;

        Case(String label, Duration incidentOffset, Duration notificationOffset, CommitmentResult judged) {
            this.label = label;
            this.incidentOffset = incidentOffset;
            this.notificationOffset = notificationOffset;
            this.judged = judged;
        }
    }

    /** One report and its acknowledgement, with the suite's own clock readings around each call. */
    record Acknowledged(Case skew, String incidentId, String alertId, Instant reportedAt, Instant beforeReport,
            Instant afterReport, Instant beforeAck, Instant afterAck) {
    }

    @Override
    String name() {
        return "clock-skew";
    }

    @Override
    AlertCount.Result run(Run run) {
        FaultCluster cluster = run.cluster;
        List<Acknowledged> acknowledged = new ArrayList<>();
        long[] sequence = {0};

        Instant starting = Instant.now();
        ServiceProcess ahead = cluster.extraIncidentService(Case.INCIDENT_AHEAD.incidentOffset);
        ServiceProcess behind = cluster.extraIncidentService(Case.INCIDENT_BEHIND.incidentOffset);
        ahead.awaitReady(FaultCluster.READY);
        behind.awaitReady(FaultCluster.READY);
        run.note("incident-service instances at +5m and -5m ready after %d ms", Duration.between(starting, Instant.now()).toMillis());
        for (Case skew : List.of(Case.NO_SKEW, Case.INCIDENT_AHEAD, Case.INCIDENT_BEHIND)) {
            ServiceProcess intake = skew == Case.INCIDENT_AHEAD ? ahead : skew == Case.INCIDENT_BEHIND ? behind : cluster.incidents();
            for (int i = 0; i < PER_CASE; i++) {
                acknowledged.add(reportAndAcknowledge(run, skew, intake, sequence[0]++));
            }
        }
        cluster.stopExtras();

        for (Case skew : List.of(Case.NOTIFICATION_AHEAD, Case.NOTIFICATION_BEHIND)) {
            Instant restarting = Instant.now();
            FaultCluster.restart(cluster.notifications(), skew.notificationOffset);
            run.note("notification-service restarted with entente.clock.offset=%s, ready after %d ms", skew.notificationOffset,
                    Duration.between(restarting, Instant.now()).toMillis());
            for (int i = 0; i < PER_CASE; i++) {
                acknowledged.add(reportAndAcknowledge(run, skew, cluster.incidents(), sequence[0]++));
            }
        }
        // ensureBaseline() puts notification-service back on the true clock before the next scenario.

        judge(run, acknowledged);
        try (AlertCount count = new AlertCount(cluster, run.tag)) {
            acknowledged.forEach(ack -> count.owe(new AlertCount.Owed(ack.incidentId(), "EE", "health")));
            AlertCount.Result result = run.count(name(), count, acknowledged.size());
            run.requireAllReady();
            return run.finish(result);
        }
    }

    private static Acknowledged reportAndAcknowledge(Run run, Case skew, ServiceProcess intake, long sequence) {
        Api api = run.cluster.api();
        Instant beforeReport = Instant.now();
        Api.Intake report = api.reportIncident(intake.baseUrl(), "EE",
                Traffic.body(Traffic.title(run.tag, sequence), "health", "intrusions"));
        Instant afterReport = Instant.now();
        if (!report.accepted()) {
            throw new IllegalStateException(skew.label + ": the report was refused: " + report.status() + " " + report.failure());
        }
        String alertId = AlertCount.alertId(report.incidentId(), "SE");
        String notifications = run.cluster.notifications().baseUrl();
        Instant deadline = Instant.now().plusSeconds(60);
        // Right after a restart the inbox answers 503 until Kafka Streams has its partitions back.
        while (!inInbox(api, notifications, alertId)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(skew.label + ": alert " + alertId + " never reached SE's inbox");
            }
            Broker.sleep(100);
        }
        Instant beforeAck = Instant.now();
        int status = api.acknowledge(notifications, "SE", alertId);
        Instant afterAck = Instant.now();
        if (status != 202) {
            throw new IllegalStateException(skew.label + ": acknowledging " + alertId + " answered " + status);
        }
        return new Acknowledged(skew, report.incidentId(), alertId, report.reportedAt(), beforeReport, afterReport, beforeAck, afterAck);
    }

    private static boolean inInbox(Api api, String notifications, String alertId) {
        try {
            return api.inbox(notifications, "SE").stream().anyMatch(alert -> alert.get("id").asString().equals(alertId));
        } catch (RuntimeException unavailable) {
            return false;
        }
    }

    /** Reads every acknowledgement and outcome and checks each against what the design computes. */
    private static void judge(Run run, List<Acknowledged> acknowledged) {
        Map<String, AlertAcknowledged> acks = new HashMap<>();
        Map<String, List<CommitmentOutcomeRecorded>> outcomes = new HashMap<>();
        Instant deadline = Instant.now().plusSeconds(60);
        try (TopicReader alerts = new TopicReader(run.cluster.bootstrapServers(), Topics.ALERTS.name());
                TopicReader results = new TopicReader(run.cluster.bootstrapServers(), Topics.COMMITMENT_OUTCOMES.name())) {
            while (true) {
                alerts.catchUp().forEach(read -> {
                    if (read.event() instanceof AlertAcknowledged ack) {
                        acks.put(ack.getAlertId(), ack);
                    }
                });
                results.catchUp().forEach(read -> {
                    if (read.event() instanceof CommitmentOutcomeRecorded outcome) {
                        outcomes.computeIfAbsent(outcome.getAlertId(), id -> new ArrayList<>()).add(outcome);
                    }
                });
                boolean all = acknowledged.stream().allMatch(a -> acks.containsKey(a.alertId()) && outcomes.containsKey(a.alertId()));
                if (all || Instant.now().isAfter(deadline)) {
                    break;
                }
                Broker.sleep(500);
            }
        }
        run.note("case | reported at (incident-service clock) | acknowledged at (notification-service clock) | real delay | "
                + "recorded response | judged | on a true clock");
        for (Acknowledged a : acknowledged) {
            AlertAcknowledged ack = acks.get(a.alertId());
            List<CommitmentOutcomeRecorded> recorded = outcomes.getOrDefault(a.alertId(), List.of());
            if (ack == null || recorded.size() != 1) {
                run.problem("%s: alert %s has %s acknowledgement and %d outcomes", a.skew().label, a.alertId(),
                        ack == null ? "no" : "an", recorded.size());
                continue;
            }
            CommitmentOutcomeRecorded outcome = recorded.get(0);
            Instant acknowledgedAt = ack.getAcknowledgedAt();
            // Each stamp is the skewed service's clock while our call was in flight.
            within(run, a, "reportedAt", a.reportedAt(), a.beforeReport().plus(a.skew().incidentOffset),
                    a.afterReport().plus(a.skew().incidentOffset));
            within(run, a, "acknowledgedAt", acknowledgedAt, a.beforeAck().plus(a.skew().notificationOffset),
                    a.afterAck().plus(a.skew().notificationOffset));
            long response = Duration.between(a.reportedAt(), acknowledgedAt).toMillis();
            long realDelay = Duration.between(a.reportedAt().minus(a.skew().incidentOffset),
                    acknowledgedAt.minus(a.skew().notificationOffset)).toMillis();
            CommitmentResult onTrueClock = realDelay <= ACKNOWLEDGE_WITHIN.toMillis() ? CommitmentResult.HONOURED : CommitmentResult.LATE;
            run.note("%s | %s | %s | %d ms | %d ms | %s | %s", a.skew().label, a.reportedAt(), acknowledgedAt, realDelay,
                    outcome.getResponseMillis(), outcome.getResult(), onTrueClock);
            if (!outcome.getDueAt().equals(a.reportedAt().plus(ACKNOWLEDGE_WITHIN))) {
                run.problem("%s: due at %s, not reportedAt + 2 min (%s)", a.skew().label, outcome.getDueAt(),
                        a.reportedAt().plus(ACKNOWLEDGE_WITHIN));
            }
            if (outcome.getResponseMillis() == null || outcome.getResponseMillis() != response) {
                run.problem("%s: response %s ms recorded, %d ms between reportedAt and acknowledgedAt", a.skew().label,
                        outcome.getResponseMillis(), response);
            }
            if (outcome.getResult() != a.skew().judged) {
                run.problem("%s: judged %s, the design's arithmetic gives %s", a.skew().label, outcome.getResult(), a.skew().judged);
            }
            if (onTrueClock != CommitmentResult.HONOURED) {
                run.problem("%s: the acknowledgement took %d ms of real time: too slow for the case to mean anything",
                        a.skew().label, realDelay);
            }
        }
    }

    private static void within(Run run, Acknowledged a, String what, Instant stamped, Instant from, Instant to) {
        if (stamped.isBefore(from.minus(TOLERANCE)) || stamped.isAfter(to.plus(TOLERANCE))) {
            run.problem("%s: %s %s is not the skewed clock's time of the call (%s .. %s)", a.skew().label, what, stamped, from, to);
        }
    }
}
