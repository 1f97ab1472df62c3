package org.entente.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertDelivered;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.CommitmentResult;
import org.entente.schemas.Topics;
import org.entente.testing.process.Broker;
import org.entente.testing.process.ServiceProcess;

/**
 * One service at a time runs with its clock five minutes ahead or behind
 * ({@code entente.clock.offset}), and an alert is acknowledged through the API a few seconds after
 * its incident was reported, well within the two-minute deadline of fault-skew-health.
 * <p>
 * Asserted exactly, with the design's arithmetic: the commitment period runs from delivery
 * ({@code AlertDelivered}), so the deadline is {@code deliveredAt} plus two minutes and the
 * response time is {@code acknowledgedAt - deliveredAt}; notification-service stamps both, so a
 * skew of either service moves no judgement: every prompt acknowledgement is honoured, as on a true
 * clock. (Judged against the report's time, stamped by incident-service, a five-minute skew made
 * prompt acknowledgements late; README.md, "What a skewed clock does".)
 */
final class ClockSkew extends Scenario {

    static final Duration SKEW = Duration.ofMinutes(5);
    static final Duration ACKNOWLEDGE_WITHIN = Duration.ofMinutes(2);
    static final int PER_CASE = 2;
    /** Our own clock reads the same system time as the services; allow for scheduling only. */
    static final Duration TOLERANCE = Duration.ofMillis(500);

    enum Case {
        NO_SKEW("no skew", Duration.ZERO, Duration.ZERO),
        INCIDENT_AHEAD("incident-service +5m", SKEW, Duration.ZERO),
        INCIDENT_BEHIND("incident-service -5m", SKEW.negated(), Duration.ZERO),
        NOTIFICATION_AHEAD("notification-service +5m", Duration.ZERO, SKEW),
        NOTIFICATION_BEHIND("notification-service -5m", Duration.ZERO, SKEW.negated());

        final String label;
        final Duration incidentOffset;
        final Duration notificationOffset;

        Case(String label, Duration incidentOffset, Duration notificationOffset) {
            this.label = label;
            this.incidentOffset = incidentOffset;
            this.notificationOffset = notificationOffset;
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
            // Every report was accepted: reportAndAcknowledge throws on a refusal.
            AlertCount.Result result = run.count(count, new AlertCount.Reports(acknowledged.size(), 0, 0));
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
        Map<String, AlertDelivered> deliveries = new HashMap<>();
        Map<String, AlertAcknowledged> acks = new HashMap<>();
        Map<String, List<CommitmentOutcomeRecorded>> outcomes = new HashMap<>();
        Instant deadline = Instant.now().plusSeconds(60);
        try (TopicReader alerts = new TopicReader(run.cluster.bootstrapServers(), Topics.ALERTS.name());
                TopicReader results = new TopicReader(run.cluster.bootstrapServers(), Topics.COMMITMENT_OUTCOMES.name())) {
            while (true) {
                alerts.catchUp().forEach(read -> {
                    if (read.event() instanceof AlertDelivered delivered) {
                        deliveries.put(delivered.getAlertId(), delivered);
                    } else if (read.event() instanceof AlertAcknowledged ack) {
                        acks.put(ack.getAlertId(), ack);
                    }
                });
                results.catchUp().forEach(read -> {
                    if (read.event() instanceof CommitmentOutcomeRecorded outcome) {
                        outcomes.computeIfAbsent(outcome.getAlertId(), id -> new ArrayList<>()).add(outcome);
                    }
                });
                boolean all = acknowledged.stream().allMatch(a -> deliveries.containsKey(a.alertId()) && acks.containsKey(a.alertId())
                        && outcomes.containsKey(a.alertId()));
                if (all || Instant.now().isAfter(deadline)) {
                    break;
                }
                Broker.sleep(500);
            }
        }
        run.note("case | reported at (incident-service clock) | delivered at, acknowledged at (notification-service clock) | "
                + "real delay (suite clock) | recorded response | judged | on a true clock");
        for (Acknowledged a : acknowledged) {
            AlertDelivered delivered = deliveries.get(a.alertId());
            AlertAcknowledged ack = acks.get(a.alertId());
            List<CommitmentOutcomeRecorded> recorded = outcomes.getOrDefault(a.alertId(), List.of());
            if (delivered == null || ack == null || recorded.size() != 1) {
                run.problem("%s: alert %s has %s delivery, %s acknowledgement and %d outcomes", a.skew().label, a.alertId(),
                        delivered == null ? "no" : "a", ack == null ? "no" : "an", recorded.size());
                continue;
            }
            CommitmentOutcomeRecorded outcome = recorded.get(0);
            Instant deliveredAt = delivered.getDeliveredAt();
            Instant acknowledgedAt = ack.getAcknowledgedAt();
            // Each stamp is the skewed service's clock while our call was in flight.
            within(run, a, "reportedAt", a.reportedAt(), a.beforeReport().plus(a.skew().incidentOffset),
                    a.afterReport().plus(a.skew().incidentOffset));
            within(run, a, "acknowledgedAt", acknowledgedAt, a.beforeAck().plus(a.skew().notificationOffset),
                    a.afterAck().plus(a.skew().notificationOffset));
            long response = Duration.between(deliveredAt, acknowledgedAt).toMillis();
            // The suite's own clock is true: the report-to-acknowledgement time it saw bounds the real delay.
            long realDelayAtMost = Duration.between(a.beforeReport(), a.afterAck()).toMillis();
            CommitmentResult onTrueClock = realDelayAtMost <= ACKNOWLEDGE_WITHIN.toMillis() ? CommitmentResult.HONOURED : CommitmentResult.LATE;
            run.note("%s | %s | %s, %s | <= %d ms | %d ms | %s | %s", a.skew().label, a.reportedAt(), deliveredAt, acknowledgedAt,
                    realDelayAtMost, outcome.getResponseMillis(), outcome.getResult(), onTrueClock);
            if (!outcome.getDueAt().equals(deliveredAt.plus(ACKNOWLEDGE_WITHIN))) {
                run.problem("%s: due at %s, not deliveredAt + 2 min (%s)", a.skew().label, outcome.getDueAt(),
                        deliveredAt.plus(ACKNOWLEDGE_WITHIN));
            }
            if (outcome.getResponseMillis() == null || outcome.getResponseMillis() != response) {
                run.problem("%s: response %s ms recorded, %d ms between deliveredAt and acknowledgedAt", a.skew().label,
                        outcome.getResponseMillis(), response);
            }
            if (response < 0 || response > realDelayAtMost + TOLERANCE.toMillis()) {
                run.problem("%s: response %d ms is not within the real time between report and acknowledgement (%d ms)",
                        a.skew().label, response, realDelayAtMost);
            }
            if (onTrueClock != CommitmentResult.HONOURED) {
                run.problem("%s: the acknowledgement took up to %d ms of real time: too slow for the case to mean anything",
                        a.skew().label, realDelayAtMost);
            } else if (outcome.getResult() != onTrueClock) {
                run.problem("%s: judged %s, on a true clock %s", a.skew().label, outcome.getResult(), onTrueClock);
            }
        }
    }

    private static void within(Run run, Acknowledged a, String what, Instant stamped, Instant from, Instant to) {
        if (stamped.isBefore(from.minus(TOLERANCE)) || stamped.isAfter(to.plus(TOLERANCE))) {
            run.problem("%s: %s %s is not the skewed clock's time of the call (%s .. %s)", a.skew().label, what, stamped, from, to);
        }
    }
}
